// The words shared by price sheets, scenarios and reports (docs/scenario-format.md and docs/price-sheets.md fix them).
export const RESOLUTIONS = ['480p', '512p', '540p', '720p', '768p', '1024p', '1080p', '1440p', '2160p'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** Other names a person may write for a resolution: `4k` is `2160p`. */
export const RESOLUTION_ALIASES: Readonly<Record<string, Resolution>> = { '4k': '2160p' };

/** What a sheet or scenario may write for a resolution: the names above and their aliases. */
export const RESOLUTION_WORDS = [...RESOLUTIONS, ...Object.keys(RESOLUTION_ALIASES)] as [string, ...string[]];

/** `4k` → `2160p`; a resolution name is returned as it is. */
export function canonicalResolution(word: string): Resolution {
  return (Object.hasOwn(RESOLUTION_ALIASES, word) ? RESOLUTION_ALIASES[word] : word) as Resolution;
}

/** The independent price maps `vidcost prices check` reads. */
export const EXTERNAL_SOURCES = ['litellm', 'portkey'] as const;
export type ExternalSource = (typeof EXTERNAL_SOURCES)[number];

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
