// The part of madge's API the architecture test uses (the package ships no types).
declare module 'madge' {
  interface MadgeResult {
    /** file → the files it imports, paths relative to the folder given */
    obj(): Record<string, string[]>;
    circular(): string[][];
    warnings(): { skipped: string[] };
  }
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string;
    excludeRegExp?: RegExp[];
  }
  export default function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>;
}
