/** A rule of the domain said no; the edge shows the message (and field messages) to the person. */
export class ActionError extends Error {
  constructor(
    message: string,
    public fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}
