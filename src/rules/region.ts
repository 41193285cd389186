// What an AWS Region code looks like (us-east-1, us-gov-west-1, us-isob-east-1). Its own module so
// that the input table checks --region without loading the price table at every start.
export const REGION_RE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
