import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync, type BigIntStats } from 'node:fs';
import { MODEL_HEADER_BYTES } from '../core/entities/model-file';

/**
 * How old a model file's last change (mtime and ctime) must be when it is hashed for the hash to be recorded: longer
 * than any file system's time step (FAT's 2 s), so that a rewrite after the hash cannot keep the times it was
 * recorded with, as git's "racily clean" entries are hashed again.
 */
const RACY_MARGIN_MS = 2_000;

/**
 * What must all be unchanged for a model file's hash to be: its path, size, times of change (mtime, and ctime, which
 * no tool sets back), device and inode (a file replaced by another has another), and its header. All but the path as
 * strings: the times are nanoseconds, beyond a double's precision.
 *
 * @example
 * const { stamp } = readModelStamped('models/ner.bin', Date.now); // { path: 'models/ner.bin', size: '7004684', … }
 */
export interface ModelStamp {
  readonly path: string;
  readonly size: string;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly dev: string;
  readonly ino: string;
  readonly header: string;
}

type ModelIdRecord = ModelStamp & { readonly id: string };

/**
 * Where a model's hash is recorded, and the clock that judges whether its file changed too recently to record it.
 *
 * @example
 * const records: ModelIdRecords = { file: '/storage/index-3f2a.ncidx.model-id.json' };
 */
export interface ModelIdRecords {
  readonly file: string;
  readonly now?: () => number;
}

function stampOf(path: string, stats: BigIntStats, header: Uint8Array): ModelStamp {
  const { size, mtimeNs, ctimeNs, dev, ino } = stats;
  return { path, size: `${size}`, mtimeNs: `${mtimeNs}`, ctimeNs: `${ctimeNs}`, dev: `${dev}`, ino: `${ino}`, header: Buffer.from(header).toString('hex') };
}

function sameStamp(a: Partial<ModelStamp>, b: ModelStamp): boolean {
  return a.path === b.path && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.dev === b.dev && a.ino === b.ino && a.header === b.header;
}

/**
 * The id recorded for the model at `modelPath` if its file is the one recorded (see {@link ModelStamp}), read from
 * a `stat` and its header alone; undefined when it may not be (no record, another stamp, an unreadable file).
 *
 * @example
 * recordedModelId('/storage/index.ncidx.model-id.json', 'models/ner.bin'); // 'ner:3f0c…', or undefined
 */
export function recordedModelId(recordFile: string, modelPath: string): string | undefined {
  let record: Partial<ModelIdRecord> | null;
  let stamp: ModelStamp;
  try {
    // Any JSON may be there (written by hand, or by another version): `null` is the one value whose fields throw.
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as Partial<ModelIdRecord> | null;
    const fd = openSync(modelPath, 'r');
    try {
      const header = new Uint8Array(MODEL_HEADER_BYTES);
      const read = readSync(fd, header, 0, MODEL_HEADER_BYTES, 0);
      stamp = stampOf(modelPath, fstatSync(fd, { bigint: true }), header.subarray(0, read));
    } finally {
      closeSync(fd);
    }
  } catch {
    // No record, a damaged one, or a model that cannot be read: the caller reads the model and says what is wrong.
    return undefined;
  }
  return typeof record?.id === 'string' && sameStamp(record, stamp) ? record.id : undefined;
}

/**
 * Reads a model file whole, with its stamp when the file did not change while it was read and its last change is
 * older than {@link RACY_MARGIN_MS} (else a hash of these bytes must not be recorded). Throws as `readFileSync` does.
 *
 * @example
 * const { bytes, stamp } = readModelStamped('models/ner.bin', Date.now);
 */
export function readModelStamped(modelPath: string, now: () => number): { bytes: Buffer; stamp: ModelStamp | undefined } {
  const fd = openSync(modelPath, 'r');
  try {
    const before = fstatSync(fd, { bigint: true });
    const bytes = readFileSync(fd);
    const after = fstatSync(fd, { bigint: true });
    const header = bytes.subarray(0, MODEL_HEADER_BYTES);
    const [first, last] = [stampOf(modelPath, before, header), stampOf(modelPath, after, header)];
    const changedMs = Number((after.mtimeNs > after.ctimeNs ? after.mtimeNs : after.ctimeNs) / 1_000_000n);
    const settled = sameStamp(first, last) && BigInt(bytes.length) === after.size && changedMs + RACY_MARGIN_MS <= now();
    return { bytes, stamp: settled ? last : undefined };
  } finally {
    closeSync(fd);
  }
}

/**
 * Records `id` as the model's with its stamp, replacing the file whole (a reader never sees half a record). A
 * record that cannot be written only means hashing the model again next time: nothing to report.
 *
 * @example
 * const { bytes, stamp } = readModelStamped('models/ner.bin', Date.now);
 * if (stamp) recordModelId('/storage/index.ncidx.model-id.json', stamp, idOf(bytes));
 */
export function recordModelId(recordFile: string, stamp: ModelStamp, id: string): void {
  const record: ModelIdRecord = { ...stamp, id };
  const temporary = `${recordFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(record));
    renameSync(temporary, recordFile);
  } catch {
    // See above: the next reopen hashes the model.
    rmSync(temporary, { force: true });
  }
}

/**
 * The file that records the model's id beside an index's cache file.
 *
 * @example
 * modelIdRecordFile('/storage/index-3f2a.ncidx'); // '/storage/index-3f2a.ncidx.model-id.json'
 */
export function modelIdRecordFile(cacheFile: string): string {
  return `${cacheFile}.model-id.json`;
}
