// The listing thread: lists and stats the article files of a folder on this disk (see `listInThread`), off the
// extension host's thread, and sends them packed: a string of paths and an array of numbers cost the receiving
// thread a fraction of what 100,000 objects do to copy. The first files found go at once, with the titles and dates
// of the first articles among them.
import { parentPort, workerData } from 'node:worker_threads';
import { PathFilter } from '../core/glob';
import { runAtOnce } from '../core/search/time-slices';
import { readFirstArticles } from './first-articles';
import { listFileSteps } from './list-files';
import { ListReply, ListSetup, packFiles } from './list-thread';

const setup = workerData as ListSetup;
let sent = 0;
const listing = runAtOnce(
  listFileSteps(setup.root, new PathFilter(setup.include, setup.exclude), {
    // The first files at once, with the first articles the host lists before the build's; the rest when the listing is done.
    onFound: (files) => {
      if (sent > 0) return;
      sent = files.length;
      parentPort?.postMessage({ kind: 'found', ...packFiles(files), articles: readFirstArticles(files, setup.maxFileBytes) } satisfies ListReply);
    },
  }),
);
const reply: ListReply = { kind: 'done', ...packFiles(listing.files.slice(sent)), unreadableFolders: listing.unreadableFolders, unreadableFiles: listing.unreadableFiles };
parentPort?.postMessage(reply, [reply.stamps.buffer as ArrayBuffer]);
