// A loopback server that answers AWS JSON 1.1 calls (X-Amz-Target: Service.Operation) from recorded
// responses: Service Quotas, which moto does not emulate, and, for runs without moto, the few
// SageMaker and Application Auto Scaling reads a quota check makes. The CLI is pointed at it with
// AWS_ENDPOINT_URL_SERVICE_QUOTAS (and AWS_ENDPOINT_URL), as a user points it at an endpoint.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

type Json = any;
export const QUOTA_DIR = join(__dirname, 'quotas');
export const recorded = (file: string): Json => JSON.parse(readFileSync(join(QUOTA_DIR, file), 'utf8'));

/** An AWS error the server answers with. */
export interface RecordedError {
  code: string;
  status: number;
  message: string;
}

/** An operation's answer: a response, or an error. */
export type Handler = (input: Json) => Json | RecordedError;

export interface RecordedAws {
  url: string;
  /** Every call, in order: the operation and its input. */
  calls: { operation: string; input: Json }[];
  close(): Promise<void>;
}

export const isError = (x: Json): x is RecordedError => typeof x?.code === 'string' && typeof x?.status === 'number';

/** The error for the first `times` calls, then the handler's answers (throttling that retries get through). */
export function failingFirst(times: number, error: RecordedError, then: Handler): Handler {
  let n = 0;
  return (input) => (n++ < times ? error : then(input));
}

/** Service Quotas from the recorded pages: page 1, then page 2 for its NextToken. */
export function quotaHandlers(over: Record<string, Handler> = {}): Record<string, Handler> {
  const p1 = recorded('list-service-quotas.1.json');
  return {
    ListServiceQuotas: (input) => (input.NextToken === p1.NextToken ? recorded('list-service-quotas.2.json') : p1),
    ListAWSDefaultServiceQuotas: () => recorded('list-aws-default-service-quotas.json'),
    ...over,
  };
}

/** SageMaker and Application Auto Scaling from endpoints.json. */
export function endpointHandlers(): Record<string, Handler> {
  const e = recorded('endpoints.json');
  const missing = (what: string): RecordedError => ({ code: 'ValidationException', status: 400, message: `Could not find ${what}` });
  return {
    ListEndpoints: () => e.ListEndpoints,
    DescribeEndpoint: (i) => e.DescribeEndpoint[i.EndpointName] ?? missing(`endpoint "${i.EndpointName}".`),
    DescribeEndpointConfig: (i) => e.DescribeEndpointConfig[i.EndpointConfigName] ?? missing(`endpoint configuration "${i.EndpointConfigName}".`),
    DescribeScalableTargets: (i) => ({ ScalableTargets: (i.ResourceIds ?? []).map((id: string) => e.DescribeScalableTargets[id]).filter(Boolean) }),
    DescribeScalingPolicies: () => ({ ScalingPolicies: [] }),
  };
}

export async function startRecordedAws(handlers: Record<string, Handler>): Promise<RecordedAws> {
  const calls: RecordedAws['calls'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
      calls.push({ operation, input });
      const h = handlers[operation];
      const out = h ? h(input) : ({ code: 'UnknownOperationException', status: 400, message: `${operation} is not recorded` } satisfies RecordedError);
      if (isError(out)) {
        res.writeHead(out.status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': out.code, 'x-amzn-requestid': 'recorded' });
        res.end(JSON.stringify({ __type: out.code, message: out.message }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'recorded' });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((done) => server.close(() => done())) };
}
