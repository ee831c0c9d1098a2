// Runs YoWASP Yosys (Yosys compiled to WebAssembly, from npm) like the native `yosys` binary, so
// that qrtl's synthesis flow can be tested on a newer Yosys than the distribution ships.
// WebAssembly sees a virtual file system, so this wrapper copies in the files of the current
// folder and every existing file the script (-s) names by absolute path (renamed), runs Yosys,
// and writes the files Yosys left in the virtual folder back to the current folder.
import { runYosys } from '@yowasp/yosys';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const tree = {};
for (const f of fs.readdirSync('.')) {
  if (fs.statSync(f).isFile()) tree[f] = fs.readFileSync(f);
}
const scriptAt = args.indexOf('-s');
const scriptName = scriptAt >= 0 ? args[scriptAt + 1] : null;
if (scriptName !== null) {
  let n = 0;
  tree[scriptName] = fs.readFileSync(scriptName, 'utf8').replace(/\/[A-Za-z0-9_.\/+\-]+/g, (p) => {
    if (!fs.existsSync(p) || !fs.statSync(p).isFile()) return p;
    const name = 'ext' + (n++) + '_' + path.basename(p);
    tree[name] = fs.readFileSync(p);
    return name;
  });
}
const sink = (stream) => (bytes) => { if (bytes) stream.write(bytes); };
let files;
let code = 0;
try {
  files = await runYosys(args, tree, { stdout: sink(process.stdout), stderr: sink(process.stderr) });
} catch (e) {
  if (e.files === undefined) throw e;
  files = e.files;
  code = e.code;
}
for (const [name, content] of Object.entries(files || {})) {
  if (name === scriptName || name.startsWith('ext') || typeof content === 'object' && !(content instanceof Uint8Array)) continue;
  fs.writeFileSync(name, content);
}
process.exit(code);
