// The receptionist seam: routes call getReceptionist() (the engine RECEPTIONIST_ENGINE names, "nlu" by
// default) through interpretSafely, and never know which one answers; texts go through understandText.
export type { ReceptionistEngine, ReceptionistIntent } from "./types";
export { getReceptionist } from "./engines";
export { interpretSafely } from "./interpret-safely";
export { understandText, type TextToUnderstand } from "./understand-text";
