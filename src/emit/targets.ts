// The output targets, declared once: the input table (--target), the generator, the goldens script
// and the tests read this map. Names and capabilities only, so that reading it loads no emitter.

export const TARGET_INFO = {
  cloudformation: { files: 'a CloudFormation template', transformJob: false },
  'aws-cli': { files: 'AWS CLI input files', transformJob: true },
} as const;

export type Target = keyof typeof TARGET_INFO;
export const TARGETS = Object.keys(TARGET_INFO) as Target[];

/** The targets that can deploy an option's files: a transform job has no CloudFormation resource. */
export const targetsFor = (batch: boolean): Target[] => TARGETS.filter((t) => !batch || TARGET_INFO[t].transformJob);
