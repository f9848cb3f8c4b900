// The per-epoch preview grid always shows the first 16 validation images (the split is already shuffled,
// so these are a fixed, unbiased pick); the rows themselves come from the media module's epochGridRows.
export const PREVIEW_IMAGES = 16;
