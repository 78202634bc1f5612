"""The Python side of rrs_bench.sh: the request-response call that azml-host serves, done the
way a Python shop would serve it (Flask under gunicorn, XGBoost's Python package), scoring the
same .ilearner model with the same feature encoding, so that the two can be timed side by side.

Configured by the environment: AZML_BENCH_MODEL (an .ilearner file) and AZML_BENCH_KEY (the
bearer key callers must send).
"""
import json
import os
import struct

import numpy as np
import xgboost as xgb
from flask import Flask, jsonify, request

# ILEARNER.md: signature, format version, header length, booster length, header, booster, SHA-256.
SIGNATURE = b"\x89AZMLILRN\r\n\x1a"


def load_ilearner(path):
    with open(path, "rb") as file:
        data = file.read()
    if data[:12] != SIGNATURE:
        raise ValueError(f"{path} is not an .ilearner file")
    _version, header_length, booster_length = struct.unpack_from("<IQQ", data, 12)
    header = json.loads(data[32:32 + header_length])
    booster = xgb.Booster(params={"nthread": 1})
    booster.load_model(bytearray(data[32 + header_length:32 + header_length + booster_length]))
    return header, booster


HEADER, BOOSTER = load_ilearner(os.environ["AZML_BENCH_MODEL"])
FEATURES = HEADER["features"]["columns"]
if any(feature["categorical"] for feature in FEATURES):
    raise ValueError("the benchmark's Python scorer handles numeric features only")
SHIFT = np.array([feature.get("shift", 0.0) for feature in FEATURES], dtype=np.float64)
SCALE = np.array([feature.get("scale", 1.0) for feature in FEATURES], dtype=np.float64)
CLASSES = HEADER["label"]["classes"]
KEY = os.environ["AZML_BENCH_KEY"]

app = Flask(__name__)


def error(status, code, message):
    return jsonify({"error": {"code": code, "message": message}}), status


@app.post("/execute")
def execute():
    if request.headers.get("Authorization", "") != "Bearer " + KEY:
        return error(401, "AuthenticationFailed", "a valid key is required")
    body = request.get_json(force=True)
    table = body["Inputs"]["input1"]
    index = {name: i for i, name in enumerate(table["ColumnNames"])}
    rows = table["Values"]
    matrix = np.empty((len(rows), len(FEATURES)), dtype=np.float64)
    for r, row in enumerate(rows):
        for f, feature in enumerate(FEATURES):
            value = row[index[feature["name"]]]
            matrix[r, f] = np.nan if value is None else float(value)
    probabilities = BOOSTER.inplace_predict(((matrix - SHIFT) / SCALE).astype(np.float32))
    values = [[CLASSES[1] if p >= 0.5 else CLASSES[0], repr(float(p))] for p in probabilities]
    return jsonify({"Results": {"output1": {"type": "table", "value": {
        "ColumnNames": ["Scored Labels", "Scored Probabilities"],
        "ColumnTypes": ["String", "Double"],
        "Values": values}}}})
