declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
export {};
