# Creates the audit tests' endpoints in a running moto_server and back-dates their CloudWatch
# metrics with PutMetricData, as a real endpoint would have published them: one data point per
# hour holding that hour's per-minute statistics (StatisticValues: SampleCount 60, Sum, Maximum).
#   python3 moto_fixture.py PORT DAYS BULK [scenarios|bulk-only]
import datetime
import sys

import boto3

port, days, bulk = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
scenarios = len(sys.argv) < 5 or sys.argv[4] == "scenarios"
kw = dict(endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
sm = boto3.client("sagemaker", **kw)
cw = boto3.client("cloudwatch", **kw)
aas = boto3.client("application-autoscaling", **kw)
ROLE = "arn:aws:iam::123456789012:role/SageMaker"
IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1"
sm.create_model(ModelName="model", ExecutionRoleArn=ROLE, PrimaryContainer={"Image": IMAGE})


def endpoint(name, variant, async_=False):
    cfg = {"EndpointConfigName": f"{name}-config", "ProductionVariants": [{"VariantName": "AllTraffic", "ModelName": "model", **variant}]}
    if async_:
        cfg["AsyncInferenceConfig"] = {"OutputConfig": {"S3OutputPath": "s3://bucket/out/"}}
    sm.create_endpoint_config(**cfg)
    sm.create_endpoint(EndpointName=name, EndpointConfigName=f"{name}-config")


now = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0)
points = {}


def hourly(ns, name, metric, dims, per_hour, hours=None):
    """per_hour(h) -> (sum, maximum) for an hour h hours ago (1..days*24), or None for no data."""
    d = [{"Name": "EndpointName", "Value": name}] + ([{"Name": "VariantName", "Value": "AllTraffic"}] if dims == "variant" else [])
    for h in hours or range(1, days * 24 + 1):
        v = per_hour(h)
        if v is None:
            continue
        s, mx = v
        points.setdefault(ns, []).append({"MetricName": metric, "Dimensions": d, "Timestamp": now - datetime.timedelta(hours=h) + datetime.timedelta(minutes=30), "StatisticValues": {"SampleCount": 60, "Sum": s, "Minimum": 0, "Maximum": mx}})


def flat(value):
    """A gauge that stays at value all hour (utilisation, latency)."""
    return lambda h: (value * 60, value)


def create_scenarios():
    # Idle: one instance, nothing published.
    endpoint("idle-rt", {"InstanceType": "ml.m5.large", "InitialInstanceCount": 1})

    # Sparse: a few requests on three hours of the window.
    endpoint("sparse-rt", {"InstanceType": "ml.m5.xlarge", "InitialInstanceCount": 1})
    hourly("AWS/SageMaker", "sparse-rt", "Invocations", "variant", lambda h: (30, 5), hours=[5, 30, 60])
    hourly("AWS/SageMaker", "sparse-rt", "ModelLatency", "variant", flat(200_000), hours=[5, 30, 60])

    # Busy: 10 requests a second every hour, 15 at the busiest minute, 50 ms each, CPU well used; autoscaling 2-4.
    endpoint("busy-rt", {"InstanceType": "ml.c5.xlarge", "InitialInstanceCount": 2})
    aas.register_scalable_target(ServiceNamespace="sagemaker", ResourceId="endpoint/busy-rt/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", MinCapacity=1, MaxCapacity=4)
    aas.put_scaling_policy(PolicyName="busy-rt-target", ServiceNamespace="sagemaker", ResourceId="endpoint/busy-rt/variant/AllTraffic", ScalableDimension="sagemaker:variant:DesiredInstanceCount", PolicyType="TargetTrackingScaling",
                           TargetTrackingScalingPolicyConfiguration={"TargetValue": 300.0, "PredefinedMetricSpecification": {"PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"}})
    hourly("AWS/SageMaker", "busy-rt", "Invocations", "variant", lambda h: (600 * 60, 900))
    hourly("AWS/SageMaker", "busy-rt", "ModelLatency", "variant", flat(50_000))
    hourly("/aws/sagemaker/Endpoints", "busy-rt", "CPUUtilization", "variant", flat(250))
    hourly("/aws/sagemaker/Endpoints", "busy-rt", "MemoryUtilization", "variant", flat(40))

    # Oversized: three ml.m5.4xlarge for one request a second, CPU at 5%.
    endpoint("oversized-rt", {"InstanceType": "ml.m5.4xlarge", "InitialInstanceCount": 3})
    hourly("AWS/SageMaker", "oversized-rt", "Invocations", "variant", lambda h: (3600, 90))
    hourly("AWS/SageMaker", "oversized-rt", "ModelLatency", "variant", flat(20_000))
    hourly("/aws/sagemaker/Endpoints", "oversized-rt", "CPUUtilization", "variant", flat(80))
    hourly("/aws/sagemaker/Endpoints", "oversized-rt", "MemoryUtilization", "variant", flat(6))

    # Serverless under steady heavy load: 40 a second of 500 ms at MaxConcurrency 20, throttled.
    endpoint("serverless-heavy", {"ServerlessConfig": {"MemorySizeInMB": 4096, "MaxConcurrency": 20}})
    hourly("AWS/SageMaker", "serverless-heavy", "Invocations", "variant", lambda h: (40 * 3600, 50 * 60))
    hourly("AWS/SageMaker", "serverless-heavy", "ModelLatency", "variant", flat(500_000))
    hourly("AWS/SageMaker", "serverless-heavy", "Invocation4XXErrors", "variant", lambda h: (3000, 80))
    hourly("AWS/SageMaker", "serverless-heavy", "ServerlessConcurrentExecutionsUtilization", "variant", lambda h: (60 * 0.9, 1.0))

    # Async with a backlog but no Invocations (async endpoints publish none).
    endpoint("async-backlog", {"InstanceType": "ml.m5.xlarge", "InitialInstanceCount": 1}, async_=True)
    hourly("AWS/SageMaker", "async-backlog", "ApproximateBacklogSize", "endpoint", lambda h: (60 * 12, 40) if h % 6 == 0 else None)



if scenarios:
    create_scenarios()

# Many endpoints, for ListEndpoints' pages.
for i in range(bulk):
    endpoint(f"bulk-{i:03d}", {"InstanceType": "ml.t2.medium", "InitialInstanceCount": 1})

for ns, data in points.items():
    for i in range(0, len(data), 20):
        cw.put_metric_data(Namespace=ns, MetricData=data[i:i + 20])
print(f"created {(6 if scenarios else 0) + bulk} endpoints, {sum(len(d) for d in points.values())} data points")
