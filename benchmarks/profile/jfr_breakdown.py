#!/usr/bin/env python3
"""Where the benchmark thread's CPU goes, from a JFR recording made by JMH's jfr profiler.

    java -jar benchmarks/target/benchmarks.jar AuthorizedGetBenchmark -p client=simple \
        -wi 2 -i 5 -r 4s -prof "jfr:dir=benchmarks/target/jfr;configName=profile"
    jfr print --json --stack-depth 64 --events jdk.ExecutionSample benchmarks/target/jfr/*/profile.jfr > samples.json
    python3 benchmarks/profile/jfr_breakdown.py samples.json

Each execution sample of the JMH worker thread is put in the first category one of its frames
belongs to, in the order below (a sample inside verification is verification, even though the
verifying interceptor also wraps the HTTP exchange).
"""
import collections
import json
import sys

CATEGORIES = [
    ("response signature verification (CoboResponseVerifier.verify)", ["CoboResponseVerifier.verify"]),
    ("request signing (CoboRequestSigner.sign)", ["CoboRequestSigner.sign"]),
    ("canonical URI and query", ["CanonicalUri.", "CanonicalQuery."]),
    ("cached token lookup (CoboOrgAccessTokens.getAccessToken)", ["CoboOrgAccessTokens.getAccessToken"]),
    ("the HTTP exchange: creating, sending, reading (HttpURLConnection, sockets)",
     ["SimpleBufferingClientHttpRequest.executeInternal", "SimpleClientHttpRequest.executeInternal",
      "JdkClientHttpRequest.executeInternal", "SimpleClientHttpRequestFactory.createRequest",
      "EndOfChainRequestExecution", "sun.net.www.protocol.http.HttpURLConnection"]),
    ("copying the response body for verification", ["StreamUtils.copyToByteArray"]),
]


def frames(event):
    return [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
            for f in event["values"]["stackTrace"]["frames"]]


def main(path):
    events = json.load(open(path))["recording"]["events"]
    samples = [frames(e) for e in events
               if "jmh-worker" in ((e["values"].get("sampledThread") or {}).get("javaName") or "")]
    counts = collections.Counter()
    for stack in samples:
        for name, keys in CATEGORIES:
            if any(key in frame for frame in stack for key in keys):
                counts[name] += 1
                break
        else:
            counts["the rest: RestClient, message conversion, observation, JMH"] += 1
    print(f"{len(samples)} samples of the benchmark thread")
    for name, _ in CATEGORIES + [("the rest: RestClient, message conversion, observation, JMH", None)]:
        print(f"{100 * counts[name] / len(samples):5.1f}%  {name}")
    verify = [s for s in samples if any("CoboResponseVerifier.verify" in f for f in s)]
    if verify:
        decode = sum(1 for s in verify if any("Ed25519PublicKeyParameters.<init>" in f for f in s))
        core = sum(1 for s in verify if any("Ed25519.implVerify" in f for f in s))
        print(f"within verification: {100 * core / len(verify):.0f}% Ed25519.implVerify, "
              f"{100 * decode / len(verify):.0f}% decoding the public key (a new Ed25519PublicKeyParameters per response)")


if __name__ == "__main__":
    main(sys.argv[1])
