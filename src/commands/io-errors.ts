/**
 * The reference prints Rust `std::io::Error`s; Node reports the same failures
 * with errno names. This maps one onto the other so messages match byte for
 * byte (PT-03 `No such file or directory (os error 2)`).
 */

interface OsError {
  readonly code: number;
  readonly kind: string;
  readonly message: string;
}

const OS_ERRORS: Readonly<Record<string, OsError>> = {
  ENOENT: { code: 2, kind: 'NotFound', message: 'No such file or directory' },
  EACCES: { code: 13, kind: 'PermissionDenied', message: 'Permission denied' },
  EPERM: { code: 1, kind: 'PermissionDenied', message: 'Operation not permitted' },
  EISDIR: { code: 21, kind: 'IsADirectory', message: 'Is a directory' },
  ENOTDIR: { code: 20, kind: 'NotADirectory', message: 'Not a directory' },
  ELOOP: { code: 40, kind: 'FilesystemLoop', message: 'Too many levels of symbolic links' },
  ENAMETOOLONG: { code: 36, kind: 'InvalidFilename', message: 'File name too long' },
};

function osErrorOf(err: unknown): OsError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? OS_ERRORS[code] : undefined;
}

/** `Display` of the io::Error: `No such file or directory (os error 2)`. */
export function describeIoError(err: unknown): string {
  const os = osErrorOf(err);
  if (os) return `${os.message} (os error ${os.code})`;
  return err instanceof Error ? err.message : String(err);
}

/** `Debug` of the io::Error wrapped in guard's `IoError`, as `main` prints it on exit 1. */
export function debugIoError(err: unknown): string {
  const os = osErrorOf(err);
  if (os) return `IoError(Os { code: ${os.code}, kind: ${os.kind}, message: "${os.message}" })`;
  return `IoError(${JSON.stringify(err instanceof Error ? err.message : String(err))})`;
}

/** What `read_to_string` reports for bytes that are not UTF-8. */
export const INVALID_UTF8 = 'stream did not contain valid UTF-8';

/**
 * Decode a file's bytes as strict UTF-8, keeping a byte-order mark (Rust's
 * `read_to_string` keeps it too). `undefined` when the bytes are not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
