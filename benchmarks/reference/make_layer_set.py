#!/usr/bin/env python3
"""Writes a generated LLM-shaped layer set as ONNX with fp16 weights in one external data file.

Presets:
  llama7b  Llama-2-7B shapes: embedding 32000 x 4096 (Gather), q_proj and o_proj 4096 x 4096, gate_proj
           4096 x 11008, down_proj 11008 x 4096, lm_head 4096 x 32000 (MatMul, [in, out]); 772 MB of fp16.
  small    the same graph at 1/16 of each side (for tests): 2000 x 256, 256 x 256, 256 x 688, 688 x 256, 256 x 2000.
  resume   twelve MatMul layers of 256 x 1024 (for the resume test: enough layers to interrupt a run).
Weights: seeded standard Gaussian (numpy default_rng(seed)), column j of every stored matrix scaled by (j + 1)^-0.5
(a power-law column scale), cast to float16. Usage: make_layer_set.py PRESET OUT_DIR [--seed S]
"""
import argparse
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def shapes(preset):
    if preset == "llama7b":
        v, d, f = 32000, 4096, 11008
    elif preset == "small":
        v, d, f = 2000, 256, 688
    elif preset == "resume":
        return None
    else:
        raise SystemExit(f"unknown preset {preset!r}: llama7b, small or resume")
    return [("embed_tokens", "Gather", (v, d)), ("q_proj", "MatMul", (d, d)), ("o_proj", "MatMul", (d, d)),
            ("gate_proj", "MatMul", (d, f)), ("down_proj", "MatMul", (f, d)), ("lm_head", "MatMul", (d, v))]


def weight(rng, shape):
    w = rng.standard_normal(shape, dtype=np.float32)
    w *= (np.arange(1, shape[1] + 1, dtype=np.float32) ** -0.5)[None, :]
    return w.astype(np.float16)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("preset")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)
    layers = shapes(args.preset)
    nodes, inits = [], []
    if layers is None:
        inputs = [helper.make_tensor_value_info("x", TensorProto.FLOAT16, [1, 256])]
        current = "x"
        for i in range(12):
            name = f"layer{i:02d}.weight"
            shape = (256, 1024) if i % 2 == 0 else (1024, 256)
            inits.append(numpy_helper.from_array(weight(rng, shape), name))
            nodes.append(helper.make_node("MatMul", [current, name], [f"h{i}"], name=f"layer{i:02d}"))
            current = f"h{i}"
    else:
        inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, 8])]
        current = "input_ids"
        for name, op, shape in layers:
            tensor = f"{name}.weight"
            inits.append(numpy_helper.from_array(weight(rng, shape), tensor))
            ins = [tensor, current] if op == "Gather" else [current, tensor]
            nodes.append(helper.make_node(op, ins, [name + "_out"], name=name))
            current = name + "_out"
    outputs = [helper.make_tensor_value_info(current, TensorProto.FLOAT16, None)]
    graph = helper.make_graph(nodes, f"{args.preset}-layer-set", inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="make_layer_set.py")
    path = os.path.join(args.out, "model.onnx")
    onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True, location="weights.bin", size_threshold=0)
    print(path)


if __name__ == "__main__":
    main()
