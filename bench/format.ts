// How benches print times and sizes: one spelling of each unit, at the precision each figure needs.

export const seconds = (ms: number, digits = 2) => `${(ms / 1000).toFixed(digits)} s`;

export const mb = (bytes: number, digits = 1) => `${(bytes / 1_048_576).toFixed(digits)} MB`;

export const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
