#!/usr/bin/python3
"""Derives the quantized and re-laid-out variants of all-MiniLM-L6-v2 that the loader's tests compare with the float model.

Usage: derive_variants.py CACHE_DIR   (reads CACHE_DIR/model.onnx, writes the variants beside it)

Written for this project with python3-onnx and numpy only. The layouts follow ONNX Runtime's quantizers as its
operator documentation describes them (com.microsoft MatMulNBits; QDQ DequantizeLinear per channel; dynamic
quantization as MatMulInteger with the weight scale applied downstream by Cast -> Mul), so that ONNX Runtime itself
runs every variant; the tests check each variant's outputs against the float model's.

Variants (file names are what the tests look for):
  model-int4.onnx        every encoder MatMul weight [K, N] as MatMulNBits, bits 4, block 32, asymmetric with packed
                         zero points (the quantizer's default form); the pooler Gemm stays float.
  model-int4-sym.onnx    the same, symmetric, no zero-point input (the operator's default zero point 8).
  model-int8-qdq.onnx    every encoder MatMul weight as int8 per output channel, DequantizeLinear(axis=1) -> MatMul.
  model-dynamic.onnx     every encoder MatMul as DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul(x_scale * w_scale):
                         attention weights per tensor, feed-forward weights per output channel (uint8 activations, int8
                         weights, zero point 0).
  model-fused-qkv.onnx   each layer's q, k, v weights concatenated to one [384, 1152] MatMul + bias, cut by Split.
  external/model.onnx    the float model with every tensor of 1 KiB or more in external/model.onnx.data.
  quantization.json      per variant and original weight name, computed here in float64 from the dequantized weight
                         this script intended: half the largest quantization step, the largest and the Frobenius
                         error against the float weight, and the dequantized weight's sum of squares (the tests
                         compare the loader's decoding with these).
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

BLOCK = 32


def load(cache):
    return onnx.load(os.path.join(cache, "model.onnx"))


def weight_matmuls(graph):
    """(node index, node, weight initializer) for MatMuls whose second input is a 2-D float initializer."""
    inits = {t.name: t for t in graph.initializer}
    found = []
    for i, node in enumerate(graph.node):
        if node.op_type == "MatMul" and node.input[1] in inits and len(inits[node.input[1]].dims) == 2:
            found.append((i, node, inits[node.input[1]]))
    return found


def replace(graph, index, nodes):
    del graph.node[index]
    for k, node in enumerate(nodes):
        graph.node.insert(index + k, node)


def drop_initializer(graph, name):
    for k, t in enumerate(graph.initializer):
        if t.name == name:
            del graph.initializer[k]
            return


def add_microsoft_opset(model):
    if not any(o.domain == "com.microsoft" for o in model.opset_import):
        model.opset_import.append(helper.make_operatorsetid("com.microsoft", 1))


def record(w, deq, half_step):
    """What the tests check a decoded weight against (all float64)."""
    error = deq.astype(np.float64) - w.astype(np.float64)
    return {"half_step": float(half_step), "max_error": float(np.abs(error).max()), "frobenius_error": float(np.sqrt((error ** 2).sum())),
            "sum_squares": float((deq.astype(np.float64) ** 2).sum())}


def quantize_blockwise(w_kn, bits, symmetric):
    """ONNX Runtime's MatMulNBits layout from a MatMul weight [K, N]: (packed [N, blocks, BLOCK*bits/8], scales [N*blocks],
    packed zero points [N * ceil(blocks*bits/8)] or None, dequantized [K, N], largest rounding bound)."""
    k, n = w_kn.shape
    blocks = (k + BLOCK - 1) // BLOCK
    w = np.zeros((n, blocks * BLOCK), dtype=np.float32)
    w[:, :k] = w_kn.T
    w = w.reshape(n, blocks, BLOCK)
    top = (1 << bits) - 1
    if symmetric:
        absmax = np.abs(w).max(axis=2)
        scale = (absmax / (1 << (bits - 1))).astype(np.float32)
        scale[scale == 0] = 1.0
        zero = np.full((n, blocks), 1 << (bits - 1), dtype=np.int64)
    else:
        lo = np.minimum(w.min(axis=2), 0.0)
        hi = np.maximum(w.max(axis=2), 0.0)
        scale = ((hi - lo) / top).astype(np.float32)
        scale[scale == 0] = 1.0
        zero = np.clip(np.round(-lo / scale), 0, top).astype(np.int64)
    q = np.clip(np.round(w / scale[:, :, None]) + zero[:, :, None], 0, top).astype(np.int64)
    deq = ((q - zero[:, :, None]) * scale[:, :, None]).reshape(n, blocks * BLOCK)[:, :k].T
    assert bits == 4, "only the 4-bit packing is derived here"
    packed = (q[:, :, 0::2] | (q[:, :, 1::2] << 4)).astype(np.uint8)
    zp_bytes = (blocks * bits + 7) // 8
    zp = np.zeros((n, zp_bytes), dtype=np.uint8)
    for b in range(blocks):
        zp[:, b // 2] |= (zero[:, b] << (4 * (b % 2))).astype(np.uint8)
    bound = float(scale.max() / 2)
    return packed, scale.reshape(-1), None if symmetric else zp.reshape(-1), deq, bound


def derive_int4(cache, symmetric):
    model = load(cache)
    graph = model.graph
    bounds = {}
    for index, node, init in reversed(weight_matmuls(graph)):
        w = numpy_helper.to_array(init)
        packed, scales, zp, deq, bound = quantize_blockwise(w, 4, symmetric)
        k, n = w.shape
        name = init.name
        graph.initializer.extend([
            numpy_helper.from_array(packed, name + "_Q4"),
            numpy_helper.from_array(scales, name + "_scales"),
        ])
        inputs = [node.input[0], name + "_Q4", name + "_scales"]
        if zp is not None:
            graph.initializer.append(numpy_helper.from_array(zp, name + "_zero_points"))
            inputs.append(name + "_zero_points")
        replace(graph, index, [helper.make_node("MatMulNBits", inputs, list(node.output), name=node.name + "_Q4",
                                                domain="com.microsoft", K=k, N=n, bits=4, block_size=BLOCK)])
        drop_initializer(graph, name)
        bounds[name] = record(w, deq, bound)
    add_microsoft_opset(model)
    onnx.save(model, os.path.join(cache, "model-int4-sym.onnx" if symmetric else "model-int4.onnx"))
    return bounds


def derive_int8_qdq(cache):
    model = load(cache)
    graph = model.graph
    bounds = {}
    for index, node, init in reversed(weight_matmuls(graph)):
        w = numpy_helper.to_array(init)
        scale = (np.abs(w).max(axis=0) / 127.0).astype(np.float32)
        scale[scale == 0] = 1.0
        q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        name = init.name
        graph.initializer.extend([
            numpy_helper.from_array(q, name + "_quantized"),
            numpy_helper.from_array(scale, name + "_scale"),
            numpy_helper.from_array(np.zeros(scale.shape, dtype=np.int8), name + "_zero_point"),
        ])
        deq = helper.make_node("DequantizeLinear", [name + "_quantized", name + "_scale", name + "_zero_point"], [name + "_dequantized"],
                               name=name + "_DequantizeLinear", axis=1)
        matmul = helper.make_node("MatMul", [node.input[0], name + "_dequantized"], list(node.output), name=node.name)
        replace(graph, index, [deq, matmul])
        drop_initializer(graph, name)
        bounds[name] = record(w, q.astype(np.float64) * scale.astype(np.float64), scale.max() / 2)
    onnx.save(model, os.path.join(cache, "model-int8-qdq.onnx"))
    return bounds


def derive_dynamic(cache):
    model = load(cache)
    graph = model.graph
    bounds = {}
    for index, node, init in reversed(weight_matmuls(graph)):
        w = numpy_helper.to_array(init)
        per_channel = w.shape[0] != w.shape[1]  # feed-forward [384, 1536] and [1536, 384]
        absmax = np.abs(w).max(axis=0) if per_channel else np.array(np.abs(w).max())
        scale = (absmax / 127.0).astype(np.float32)
        q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        name = init.name
        x = node.input[0]
        graph.initializer.extend([
            numpy_helper.from_array(q, name + "_quantized"),
            numpy_helper.from_array(scale, name + "_scale"),
            numpy_helper.from_array(np.zeros(scale.shape, dtype=np.int8), name + "_zero_point"),
        ])
        nodes = [
            helper.make_node("DynamicQuantizeLinear", [x], [x + "_q_" + name, x + "_scale_" + name, x + "_zp_" + name], name=node.name + "_quant"),
            helper.make_node("MatMulInteger", [x + "_q_" + name, name + "_quantized", x + "_zp_" + name, name + "_zero_point"],
                             [node.output[0] + "_int32"], name=node.name + "_MatMulInteger"),
            helper.make_node("Cast", [node.output[0] + "_int32"], [node.output[0] + "_float"], name=node.name + "_cast", to=TensorProto.FLOAT),
            helper.make_node("Mul", [x + "_scale_" + name, name + "_scale"], [node.output[0] + "_scale"], name=node.name + "_scale_mul"),
            helper.make_node("Mul", [node.output[0] + "_float", node.output[0] + "_scale"], list(node.output), name=node.name + "_output_mul"),
        ]
        replace(graph, index, nodes)
        drop_initializer(graph, name)
        bounds[name] = record(w, q.astype(np.float64) * scale.astype(np.float64), scale.max() / 2)
    onnx.save(model, os.path.join(cache, "model-dynamic.onnx"))
    return bounds


def derive_fused_qkv(cache):
    model = load(cache)
    graph = model.graph
    inits = {t.name: t for t in graph.initializer}
    producers = {}
    for node in graph.node:
        for o in node.output:
            producers[o] = node
    readers = {}
    for node in graph.node:
        for i in node.input:
            readers.setdefault(i, []).append(node)
    for layer in range(6):
        prefix = f"encoder.layer.{layer}.attention.self."
        parts = []
        for role in ("query", "key", "value"):
            bias = prefix + role + ".bias"
            add = readers[bias][0]
            matmul = producers[[i for i in add.input if i != bias][0]]
            parts.append((matmul, add, inits[matmul.input[1]], inits[bias]))
        x = parts[0][0].input[0]
        assert all(p[0].input[0] == x for p in parts)
        w = np.concatenate([numpy_helper.to_array(p[2]) for p in parts], axis=1)
        b = np.concatenate([numpy_helper.to_array(p[3]) for p in parts])
        name = prefix + "qkv"
        graph.initializer.extend([numpy_helper.from_array(w, name + ".weight"), numpy_helper.from_array(b, name + ".bias"),
                                  numpy_helper.from_array(np.array([384, 384, 384], dtype=np.int64), name + ".split")])
        first = min(list(graph.node).index(p[0]) for p in parts)
        for matmul, add, weight, bias in parts:
            graph.node.remove(matmul)
            graph.node.remove(add)
            drop_initializer(graph, weight.name)
            drop_initializer(graph, bias.name)
        outputs = [p[1].output[0] for p in parts]
        fused = [
            helper.make_node("MatMul", [x, name + ".weight"], [name + "_matmul"], name=f"MatMul_qkv_{layer}"),
            helper.make_node("Add", [name + ".bias", name + "_matmul"], [name + "_out"], name=f"Add_qkv_{layer}"),
            helper.make_node("Split", [name + "_out", name + ".split"], outputs, name=f"Split_qkv_{layer}", axis=-1),
        ]
        for k, node in enumerate(fused):
            graph.node.insert(first + k, node)
    onnx.save(model, os.path.join(cache, "model-fused-qkv.onnx"))


def derive_external(cache):
    model = load(cache)
    folder = os.path.join(cache, "external")
    os.makedirs(folder, exist_ok=True)
    data = os.path.join(folder, "model.onnx.data")
    if os.path.exists(data):
        os.remove(data)
    onnx.save_model(model, os.path.join(folder, "model.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="model.onnx.data", size_threshold=1024)


def main():
    cache = sys.argv[1]
    bounds = {
        "model-int4.onnx": derive_int4(cache, symmetric=False),
        "model-int4-sym.onnx": derive_int4(cache, symmetric=True),
        "model-int8-qdq.onnx": derive_int8_qdq(cache),
        "model-dynamic.onnx": derive_dynamic(cache),
    }
    derive_fused_qkv(cache)
    derive_external(cache)
    with open(os.path.join(cache, "quantization.json"), "w", encoding="utf-8") as f:
        json.dump(bounds, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
