// What an AWS Region code looks like (us-east-1, us-gov-west-1, us-isob-east-1). Its own module so
// that the input table checks --region without loading the price table at every start.
export const REGION_RE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

/**
 * The AWS Price List's `location` name of each Region code, for offer files whose products carry a
 * location but no regionCode (current files carry both). Names as the Price List spells them (EU, not
 * Europe); list them with `aws pricing get-attribute-values --service-code AmazonSageMaker --attribute-name location`.
 * Seen in stored readings (2026-12-06): US East (N. Virginia) (Price List API filter examples), US East (Ohio)
 * (a get-products output), EU (Ireland) (an offer file); the others follow the same pattern, unverified.
 */
export const PRICE_LIST_LOCATIONS: Readonly<Record<string, string>> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
  'ca-central-1': 'Canada (Central)',
  'eu-west-1': 'EU (Ireland)',
  'eu-west-2': 'EU (London)',
  'eu-west-3': 'EU (Paris)',
  'eu-central-1': 'EU (Frankfurt)',
  'eu-central-2': 'EU (Zurich)',
  'eu-north-1': 'EU (Stockholm)',
  'eu-south-1': 'EU (Milan)',
  'eu-south-2': 'EU (Spain)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'sa-east-1': 'South America (Sao Paulo)',
  'me-south-1': 'Middle East (Bahrain)',
  'me-central-1': 'Middle East (UAE)',
  'af-south-1': 'Africa (Cape Town)',
  'il-central-1': 'Israel (Tel Aviv)',
  'us-gov-west-1': 'AWS GovCloud (US-West)',
  'us-gov-east-1': 'AWS GovCloud (US-East)',
};

/** Whether an offer-file product is of a Region: by its regionCode, else by its location name. */
export function productInRegion(region: string, attrs: { regionCode: string | null; location: string | null }): boolean {
  if (attrs.regionCode) return attrs.regionCode === region;
  return attrs.location !== null && attrs.location === PRICE_LIST_LOCATIONS[region];
}
