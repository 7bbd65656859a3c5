// cmd-shim ships no types: the one call the tests make.
declare module 'cmd-shim' {
  export default function cmdShim(from: string, to: string): Promise<void>;
}
