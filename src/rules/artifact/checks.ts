// Checks of a model.tar.gz from its list of entries: pure, no I/O. The reader (src/cli/artifact.ts)
// streams the archive and produces the list; these rules say what is wrong with it.

import { limit, limitBytes, limitEntry } from '../facts/limits';
import { formatBinaryBytes } from '../units';
import { formatMessage, type MessageData } from '../lint/types';

export type EntryType = 'File' | 'Directory' | 'SymbolicLink' | 'Link' | 'CharacterDevice' | 'BlockDevice' | 'FIFO' | 'Other';
export interface Entry {
  path: string;
  type: EntryType;
  size: number;
  linkpath?: string;
}
export const FRAMEWORKS = ['pytorch', 'tensorflow', 'mxnet', 'sklearn', 'xgboost', 'huggingface'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface ArtifactFinding {
  ruleId: string;
  /** Which of the rule's messages this is (stable; the text may be reworded). */
  messageId: string;
  severity: 'error' | 'warning';
  message: string;
  /** The archive entry it is about, when there is one. */
  entry: string | null;
  source: string;
}

export interface ArtifactRule {
  id: string;
  name: string;
  severity: 'error' | 'warning';
  title: string;
  source: string;
  description: string;
  /** Archive listings (one entry per line; "name -> target" for a symlink, "name => target" for a hard link). */
  examples: { invalid: string; valid: string };
  /** Message templates by id, as for lint rules: "{{name}}" is filled from the finding's data. */
  messages: Readonly<Record<string, string>>;
}

const FORMAT = limitEntry('model.artifact-format').source;
const SDK = 'https://sagemaker.readthedocs.io/en/stable/frameworks/';
// Where the framework containers look for the model (see README, check-artifact).
export const TFS_FIND_MODELS = 'https://github.com/aws/sagemaker-tensorflow-serving-container/blob/master/docker/build_artifacts/sagemaker/tfs_utils.py';
export const PYTORCH_DEFAULT_HANDLER = 'https://github.com/aws/sagemaker-pytorch-inference-toolkit/blob/master/src/sagemaker_pytorch_serving_container/default_pytorch_inference_handler.py';

export const ARTIFACT_RULES: readonly ArtifactRule[] = [
  {
    id: 'DA5001',
    name: 'invalid-archive',
    severity: 'error',
    messages: {
      cannotRead: 'cannot read the file: {{problem}}',
      notGzip: 'it is not gzip-compressed (SageMaker needs a .tar.gz)',
      trailingBytes: 'other bytes follow the end of the gzip data (an appended file, or a botched copy or upload?); GNU tar stops with an error on them: recreate the archive',
      emptyFile: 'the file is empty (0 bytes): it holds no archive (did the upload, download or tar command fail?)',
      gzipTruncated: 'the gzip stream is truncated: the file was cut short (an interrupted upload or copy?)',
      gzipCorrupt: 'the gzip data is corrupt ({{problem}})',
      tarTruncated: 'the tar data is truncated ({{problem}})',
      tarCorrupt: 'the tar data is corrupt: {{problem}}',
      empty: 'the archive is empty (or not a tar archive)',
      noFiles: 'the archive holds no files, only empty folders: SageMaker would find nothing to load in /opt/ml/model',
      allEmpty: 'every file in the archive is empty (0 bytes), e.g. {{entry}}: the model was not written before packing',
    },
    title: 'The artifact must be a complete gzip-compressed tar archive that holds files',
    source: FORMAT,
    description:
      'SageMaker extracts one gzip tar. A file that is not gzip, not tar, truncated, with corrupt headers or with bytes after the end of the gzip data, or an archive with no files (only empty folders) or only empty files, fails the endpoint after minutes of waiting.',
    examples: { invalid: '(a .zip renamed to model.tar.gz)', valid: 'model.pth\ncode/inference.py' },
  },
  {
    id: 'DA5002',
    name: 'link-or-device',
    severity: 'error',
    messages: {
      symlink: '{{entry}} is a symbolic link (to {{target}}); SageMaker rejects links: put the file itself in the archive',
      hardLink: '{{entry}} is a hard link (to {{target}}); put the file itself in the archive',
      special: '{{entry}} is a {{kind}}; a model archive holds only files and folders',
    },
    title: 'No symlinks, hard links or device files',
    source: FORMAT,
    description: "The Hosting FAQ: the tarball shouldn't contain any symlinks. Links and devices also let a crafted archive write outside /opt/ml/model. Copy the target file in instead.",
    examples: { invalid: 'model.pth\ncode/inference.py\ncode/model.pth -> ../model.pth', valid: 'model.pth\ncode/inference.py' },
  },
  {
    id: 'DA5003',
    name: 'path-escape',
    severity: 'error',
    messages: {
      absolute: '{{entry}} is an absolute path; entries must be relative to the model folder: create the archive from inside it, without -P (cd {{folder}} && tar czf ../model.tar.gz *)',
      climbsOut: '{{entry}} climbs out of the model folder with ..; create the archive from inside the model folder, naming only what is in it (cd <model folder> && tar czf ../model.tar.gz *)',
    },
    title: 'No absolute paths and no ..',
    source: FORMAT,
    description: 'Entries are extracted into /opt/ml/model; an absolute path or a .. component points outside it.',
    examples: { invalid: 'model.pth\n../../etc/cron.d/job', valid: 'model.pth\ncode/inference.py' },
  },
  {
    id: 'DA5004',
    name: 'wrapper-folder',
    severity: 'error',
    messages: {
      wrapperFolder: 'everything is inside {{top}}/, so SageMaker finds /opt/ml/model/{{top}}/...; create the archive from inside the folder: cd {{top}} && tar czf ../model.tar.gz *',
      codeInModelFolder: '{{top}}/code/ is inside the model folder {{top}}/; the TensorFlow Serving container looks for /opt/ml/model/code/inference.py: put code/ at the root of the archive, beside {{top}}/',
    },
    title: 'No single folder around everything',
    source: `${SDK}pytorch/using_pytorch.html`,
    description:
      'The most common packaging mistake: tar czf model.tar.gz model/ puts everything under model/, so /opt/ml/model/model/... Create the archive from inside the folder (tar czf ../model.tar.gz *). A TensorFlow version folder (1/) is not a wrapper, and neither is a TensorFlow model folder (my_model/1/saved_model.pb): the TensorFlow Serving container finds <name>/<version>/saved_model.pb at any depth and names the model after the folder. Its code/ must still be at the root.',
    examples: { invalid: 'model/\nmodel/model.pth\nmodel/code/inference.py', valid: 'model.pth\ncode/inference.py' },
  },
  {
    id: 'DA5005',
    name: 'framework-layout',
    severity: 'error',
    messages: {
      tfNotVersioned: 'saved_model.pb is not in a numbered version folder; TensorFlow Serving expects <version>/saved_model.pb, e.g. 1/saved_model.pb',
      tfNoSavedModel: 'no <version>/saved_model.pb: TensorFlow Serving expects 1/saved_model.pb and 1/variables/',
      tfNoVariables: '{{version}}/variables/ is missing next to {{version}}/saved_model.pb',
      modelUnderCode: 'the model file {{file}} is under code/; put it at the root of the archive',
      noRootModel: 'no model file at the root of the archive (found {{file}})',
      torchScriptOnly:
        "no code/inference.py: the PyTorch container's default handler loads {{file}} with torch.jit.load, which works only if it is TorchScript (torch.jit.save); for a state_dict or a pickled model, add code/inference.py with model_fn",
      noHandler: 'code/inference.py is missing: the PyTorch container looks for your handler (model_fn, input_fn, predict_fn, output_fn) there',
      noHandlerManyModels:
        'code/inference.py is missing: the PyTorch container looks for your handler (model_fn, input_fn, predict_fn, output_fn) there; its default handler needs model.pt or exactly one .pt/.pth at the root (found {{count}})',
      mxnetFileMissing: '{{file}} is missing at the root: the MXNet container loads the symbol, shapes and params files',
      noConfigJson: 'config.json is missing at the root',
      noWeights: 'no model weights (pytorch_model.bin, model.safetensors or tf_model.h5) at the root',
      noModelFile: 'no {{what}} model file at the root of the archive',
      requirementsAtRoot: 'requirements.txt is at the root; the framework containers install code/requirements.txt',
    },
    title: 'The files the framework container expects are where it looks for them',
    source: FORMAT,
    description:
      "TensorFlow Serving: <version>/saved_model.pb (or <name>/<version>/saved_model.pb) and variables/ beside it. PyTorch: the model file at the root and code/inference.py; without code/inference.py the container's default handler loads model.pt (or the only .pt/.pth file at the root) with torch.jit.load, which works for TorchScript only, so that is a warning. MXNet: model-symbol.json, model-shapes.json and model-0000.params. Hugging Face: config.json and the weights at the root. scikit-learn and XGBoost: the model file at the root. requirements.txt belongs in code/.",
    examples: { invalid: 'code/model.pth\ncode/inference.py', valid: 'model.pth\ncode/inference.py\ncode/requirements.txt' },
  },
  {
    id: 'DA5006',
    name: 'unnecessary-files',
    severity: 'warning',
    messages: {
      unneeded: '{{entry}}: {{what}} is not needed to serve the model; leave it out',
      nestedArchive: '{{entry}}: an archive inside the archive, which SageMaker does not extract (was the tarball itself packed by mistake?); leave it out, and put the files it holds in instead if the model needs them',
    },
    title: 'No files the model does not need',
    source: FORMAT,
    description:
      'The Hosting FAQ asks for no unnecessary files: .git/, __pycache__/, .ipynb_checkpoints/, .DS_Store and macOS ._* files, and training state such as optimizer.pt only make the archive bigger and slower to download. An archive inside the archive (model.tar.gz, .tgz) is not extracted by SageMaker: usually the tarball itself was packed by mistake.',
    examples: { invalid: 'model.pth\ncode/inference.py\ncode/__pycache__/inference.cpython-311.pyc\noptimizer.pt', valid: 'model.pth\ncode/inference.py' },
  },
  {
    id: 'DA5007',
    name: 'compression-bomb',
    severity: 'error',
    messages: {
      tooManyEntries: 'more than {{max}} entries; this is not a model archive, and the check stopped reading it',
      bomb: '{{compressed}} expanded to more than {{uncompressed}} (over {{ratio}}x): a compression bomb, not a model; the check stopped reading it',
    },
    title: 'Not a compression bomb',
    source: limitEntry('policy.artifact-bomb-ratio').source,
    description: `An archive that expands more than ${limit('policy.artifact-bomb-ratio')}x past ${formatBinaryBytes(limitBytes('policy.artifact-bomb-min-bytes'))}, or holds more than ${limit('policy.artifact-max-entries')} entries, is not a model: the check stops reading it.`,
    examples: { invalid: 'weights.bin (100 GB of zeros, 100 MB compressed)', valid: 'model.pth' },
  },
];

const rule = (id: string) => ARTIFACT_RULES.find((r) => r.id === id)!;
/** A finding of a rule; `severity` lowers a rule's error to a warning where the evidence is weaker. */
export function finding(id: string, messageId: string, data?: MessageData, entry: string | null = null, severity?: 'warning', source?: string): ArtifactFinding {
  const r = rule(id);
  return { ruleId: r.id, messageId, severity: severity ?? r.severity, message: formatMessage(r, { messageId, data }), entry, source: source ?? r.source };
}

const clean = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');

/** Which framework the layout looks like, or null. */
export function detectFramework(files: string[]): Framework | null {
  if (files.some((f) => /(^|\/)saved_model\.pb$/.test(f))) return 'tensorflow';
  if (files.some((f) => /-symbol\.json$/.test(f)) && files.some((f) => /\.params$/.test(f))) return 'mxnet';
  if (files.includes('config.json') && files.some((f) => /^(pytorch_model.*\.bin|model.*\.safetensors|tf_model\.h5)$/.test(f))) return 'huggingface';
  if (files.some((f) => /\.(pth?|pt2|mar)$/.test(f))) return 'pytorch';
  if (files.some((f) => /(^|\/)xgboost-model$|\.(ubj|xgb)$/.test(f))) return 'xgboost';
  if (files.some((f) => /\.(joblib|pkl|pickle)$/.test(f))) return 'sklearn';
  return null;
}

const UNNEEDED: Array<[RegExp, string]> = [
  [/(^|\/)\.git(\/|$)/, 'a .git folder'],
  [/(^|\/)__pycache__(\/|$)/, 'Python bytecode (__pycache__)'],
  [/(^|\/)\.ipynb_checkpoints(\/|$)/, 'notebook checkpoints'],
  [/(^|\/)\.DS_Store$/, 'a macOS .DS_Store'],
  [/(^|\/)\._[^/]*$/, 'a macOS resource-fork file (made by tar on a Mac; COPYFILE_DISABLE=1 tar czf ... leaves them out)'],
  [/\.(tar\.gz|tgz|tar)$/, 'an archive inside the archive'], // reported as nestedArchive, which says what to do
  [/(^|\/)optimizer(\.pt|\.pth|\.bin|_state.*|\.safetensors)$/, 'optimizer state (training only)'],
  [/(^|\/)(scheduler\.pt|rng_state.*\.pth|training_args\.bin)$/, 'training state'],
];

/** TensorFlow Serving's model version folders: <version>/saved_model.pb at any depth (tfs_utils.find_models). */
const TF_VERSIONED = /^(?:(.+)\/)?(\d+)\/saved_model\.pb$/;

/**
 * Every finding about the entries (stream-level problems are reported by the reader).
 * `complete` is false when the reader stopped early: then nothing is reported missing, since the
 * rest of the archive was never read.
 */
export function checkEntries(entries: Entry[], framework: Framework | 'auto', complete = true): { findings: ArtifactFinding[]; framework: Framework | null } {
  const out: ArtifactFinding[] = [];
  for (const e of entries) {
    if (e.type === 'SymbolicLink') out.push(finding('DA5002', 'symlink', { entry: e.path, target: e.linkpath ?? '' }, e.path));
    else if (e.type === 'Link') out.push(finding('DA5002', 'hardLink', { entry: e.path, target: e.linkpath ?? '' }, e.path));
    else if (e.type !== 'File' && e.type !== 'Directory') out.push(finding('DA5002', 'special', { entry: e.path, kind: e.type === 'Other' ? 'special entry' : e.type }, e.path));
    if (e.path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(e.path)) out.push(finding('DA5003', 'absolute', { entry: e.path, folder: e.path.replace(/[\\/][^\\/]*[\\/]?$/, '') || '/' }, e.path));
    else if (e.path.split(/[\\/]/).includes('..')) out.push(finding('DA5003', 'climbsOut', { entry: e.path }, e.path));
  }
  const paths = entries.map((e) => clean(e.path)).filter(Boolean);
  const allFiles = entries.filter((e) => e.type === 'File').map((e) => clean(e.path));
  for (const f of allFiles) {
    const hit = UNNEEDED.find(([re]) => re.test(f));
    if (hit) out.push(/\.(tar\.gz|tgz|tar)$/.test(f) ? finding('DA5006', 'nestedArchive', { entry: f }, f) : finding('DA5006', 'unneeded', { entry: f, what: hit[1] }, f));
  }
  // Reported above; they are not the model, so they do not decide the layout.
  const files = allFiles.filter((f) => !/(^|\/)\._[^/]*$/.test(f));
  const fw = framework === 'auto' ? detectFramework(files) : framework;
  // What is missing can only be told from a whole archive.
  if (!complete) return { findings: out, framework: fw };

  const fileEntries = entries.filter((e) => e.type === 'File');
  if (entries.length > 0 && fileEntries.length === 0) out.push(finding('DA5001', 'noFiles'));
  else if (fileEntries.length > 0 && fileEntries.every((e) => e.size === 0)) out.push(finding('DA5001', 'allEmpty', { entry: clean(fileEntries[0]!.path) }, clean(fileEntries[0]!.path)));

  // The layout inside a wrapper folder is checked as if the archive were made from inside it:
  // one DA5004 for the mistake, not DA5005s that say the same thing again.
  let wrapper = '';
  const tops = new Set(paths.map((p) => p.split('/')[0]!));
  // An absolute path (top "") or one climbing out ("..") is DA5003's, not a wrapper folder to cd into.
  if (tops.size === 1 && ![...tops].some((t) => t === '' || t === '..' || /^[A-Za-z]:$/.test(t)) && paths.some((p) => p.includes('/'))) {
    const top = [...tops][0]!;
    // A TensorFlow model folder (<name>/<version>/saved_model.pb) is a layout TensorFlow Serving
    // reads, not a wrapper; only a code/ folder inside it is out of place.
    const tfModelFolder = fw === 'tensorflow' && files.some((f) => TF_VERSIONED.test(f) && f.startsWith(`${top}/`));
    if (tfModelFolder) {
      if (paths.some((p) => p === `${top}/code` || p.startsWith(`${top}/code/`))) out.push(finding('DA5004', 'codeInModelFolder', { top }, `${top}/code/`));
    } else if (!/^\d+$/.test(top) && top !== 'code') {
      out.push(finding('DA5004', 'wrapperFolder', { top }, `${top}/`));
      wrapper = `${top}/`;
    }
  }

  const unwrap = (xs: string[]) => (wrapper ? xs.filter((x) => x.startsWith(wrapper)).map((x) => x.slice(wrapper.length)) : xs);
  const inner = unwrap(files);
  const innerPaths = unwrap(paths);
  const has = (re: RegExp) => inner.some((f) => re.test(f));
  const layout = (messageId: string, data?: MessageData, entry: string | null = null) => out.push(finding('DA5005', messageId, data, entry === null ? null : wrapper + entry));
  if (fw === 'tensorflow') {
    const versions = inner
      .map((f) => TF_VERSIONED.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => (m[1] ? `${m[1]}/${m[2]}` : m[2]!));
    if (!versions.length) layout(has(/(^|\/)saved_model\.pb$/) ? 'tfNotVersioned' : 'tfNoSavedModel');
    for (const v of versions) if (!innerPaths.some((p) => p === `${v}/variables` || p.startsWith(`${v}/variables/`))) layout('tfNoVariables', { version: v }, `${v}/`);
  } else if (fw === 'pytorch') {
    const models = inner.filter((f) => /\.(pth?|pt2)$/.test(f));
    const atRoot = inner.filter((f) => !f.includes('/') && /\.pth?$/.test(f));
    if (models.length && models.every((f) => f.startsWith('code/'))) layout('modelUnderCode', { file: models[0]! }, models[0]);
    else if (models.length && !models.some((f) => !f.includes('/'))) layout('noRootModel', { file: models[0]! }, models[0]);
    if (!inner.includes('code/inference.py')) {
      // The container's default model_fn loads model.pt, or the only .pt/.pth at the root, with
      // torch.jit.load: a TorchScript model needs no handler, anything else does.
      const loaded = atRoot.includes('model.pt') ? 'model.pt' : atRoot.length === 1 ? atRoot[0]! : null;
      if (loaded) out.push(finding('DA5005', 'torchScriptOnly', { file: loaded }, wrapper + loaded, 'warning', PYTORCH_DEFAULT_HANDLER));
      else layout(atRoot.length > 1 ? 'noHandlerManyModels' : 'noHandler', { count: atRoot.length });
    }
  } else if (fw === 'mxnet') {
    for (const [re, what] of [
      [/-symbol\.json$/, 'model-symbol.json'],
      [/-shapes\.json$/, 'model-shapes.json'],
      [/-\d{4}\.params$/, 'model-0000.params'],
    ] as const) {
      if (!inner.some((f) => !f.includes('/') && re.test(f))) layout('mxnetFileMissing', { file: what });
    }
  } else if (fw === 'huggingface') {
    if (!inner.includes('config.json')) layout('noConfigJson');
    if (!has(/^(pytorch_model.*\.bin|model.*\.safetensors|tf_model\.h5)$/)) layout('noWeights');
  } else if (fw === 'sklearn' || fw === 'xgboost') {
    const re = fw === 'sklearn' ? /\.(joblib|pkl|pickle)$/ : /(^|\/)xgboost-model$|\.(ubj|xgb|json|bin)$/;
    if (!inner.some((f) => !f.includes('/') && re.test(f))) layout('noModelFile', { what: fw === 'sklearn' ? 'scikit-learn (.joblib, .pkl)' : 'XGBoost' });
  }
  if (inner.includes('requirements.txt') && !inner.includes('code/requirements.txt')) layout('requirementsAtRoot', undefined, 'requirements.txt');
  return { findings: out, framework: fw };
}

/** What the uncompressed size means for Serverless (information for the advisor, not a finding). */
export function serverlessFit(uncompressedBytes: number): string {
  const disk = limitBytes('serverless.ephemeral-disk');
  const memory = limitBytes('serverless.memory-max');
  // Binary units, as the limits are: the report never gives KB in one place and KiB in another.
  const size = formatBinaryBytes;
  if (uncompressedBytes > disk) return `too big for Serverless: ${size(uncompressedBytes)} uncompressed exceeds its ${size(disk)} disk`;
  if (uncompressedBytes * limit('policy.memory-headroom') > memory) return `too big for Serverless memory: ${size(uncompressedBytes)} needs more than ${size(memory)} with headroom`;
  return `fits Serverless: ${size(uncompressedBytes)} uncompressed, within its ${size(disk)} disk and ${size(memory)} memory`;
}
