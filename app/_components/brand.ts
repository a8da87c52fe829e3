/**
 * The Cohort mark: a rounded tile with an open ring (the cohort) around a
 * dot (the learner). One source for the header logo, /verify/<code> (plain
 * HTML) and app/icon.svg, the favicon (brand.test.ts keeps that file equal).
 */
export const markViewBox = "0 0 32 32";

/** The mark's shapes, as SVG markup (no outer <svg>). */
export const markShapes =
  '<rect width="32" height="32" rx="8" fill="#15564c"/>' +
  '<path d="M22.4 10.2A8.5 8.5 0 1 0 22.4 21.8" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/>' +
  '<circle cx="16" cy="16" r="3" fill="#a7e3d6"/>';

/** The whole mark as a standalone SVG file (app/icon.svg holds exactly this). */
export const markSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${markViewBox}">${markShapes}</svg>\n`;

/** The width of every page's header and content, in rem (Tailwind's max-w-6xl): the header never moves between pages. */
export const contentMaxWidthRem = 72;

/** That width, with its side padding, as classes (AppShell, PublicShell). */
export const shellWidth = "mx-auto w-full max-w-6xl px-4 sm:px-6";
