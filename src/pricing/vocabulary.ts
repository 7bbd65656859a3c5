// The words shared by price sheets, scenarios and reports (DESIGN.md fixes them).
export const RESOLUTIONS = ['480p', '540p', '720p', '1024p', '1080p'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const CAPABILITIES = ['editing', 'hdr', 'exr', 'motion_control', 'lip_sync', 'audio', 'dialogue'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CHANNELS = ['api', 'web-app'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PROVENANCES = ['first-party', 'aggregator', 'secondary'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** Resolutions ordered by pixel height, for "the nearest priced resolution". */
export function resolutionRank(r: Resolution): number {
  return RESOLUTIONS.indexOf(r);
}
