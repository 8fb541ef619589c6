// Describes plan operations in plain words for the preview ("Write 4 values to Forecast!A1:B2").
// The describer itself is written once, as plain JavaScript, in the service's web UI
// (src/Officina.Service/wwwroot/describe.js), which the service serves without a build step;
// the add-in bundles the same file from here, so the pane and the web UI always agree.
import type { Operation } from "./api";
import { describeOperation as describe, operationTarget as target } from "../../src/Officina.Service/wwwroot/describe.js";

/** One sentence for an operation; unknown operations read as their name and main target. */
export const describeOperation = (operation: Operation): string => describe(operation);

/** Where an operation acts (range, sheet, slide, paragraph), or null. */
export const operationTarget = (operation: Operation): string | null => target(operation);
