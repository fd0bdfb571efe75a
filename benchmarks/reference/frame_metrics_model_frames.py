"""Frames of a whole ONNX model for the numpy reference (frame_metrics_model.py): which tensors are weight matrices,
how they are decoded and oriented. Written for this benchmark from the ONNX operator specifications, independently of
the tool's loader; the benchmark compares the list with `superposition analyze MODEL --json`."""
import os
from collections import namedtuple

import numpy as np
import onnx
from onnx import TensorProto, numpy_helper

Frame = namedtuple("Frame", "tensor block op x")

COMPUTE = {"MatMul", "Gemm", "Conv", "ConvTranspose", "LSTM", "GRU", "RNN", "Gather", "MatMulInteger", "MatMulNBits"}
PASS = {"Identity", "Cast", "Transpose", "Reshape", "Slice", "Concat", "Squeeze", "Unsqueeze", "DequantizeLinear"}
FLOATS = {TensorProto.FLOAT, TensorProto.FLOAT16, TensorProto.DOUBLE, TensorProto.BFLOAT16}
QUANT = {TensorProto.INT8, TensorProto.UINT8}


def graphs(graph):
    yield graph
    for node in graph.node:
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.GRAPH:
                yield from graphs(attr.g)
            elif attr.type == onnx.AttributeProto.GRAPHS:
                for g in attr.graphs:
                    yield from graphs(g)


def to_array(t, base):
    if t.data_type == TensorProto.BFLOAT16 and t.data_location != TensorProto.EXTERNAL and t.raw_data:
        bits = np.frombuffer(t.raw_data, dtype=np.uint16).astype(np.uint32) << 16
        return bits.view(np.float32).reshape(tuple(t.dims)).astype(np.float64)
    return numpy_helper.to_array(t, base)


def attr(node, name, default=None):
    for a in node.attribute:
        if a.name == name:
            return onnx.helper.get_attribute_value(a)
    return default


class Model:
    def __init__(self, path):
        self.base = os.path.dirname(os.path.abspath(path))
        self.model = onnx.load(path, load_external_data=False)
        self.tensors, self.order, self.consumers, self.producer = {}, [], {}, {}
        for g in graphs(self.model.graph):
            for t in g.initializer:
                self.tensors[t.name] = t
                self.order.append(t.name)
            for node in g.node:
                if node.op_type == "Constant" and attr(node, "value") is not None:
                    self.tensors[node.output[0]] = attr(node, "value")
                    self.order.append(node.output[0])
                for k, name in enumerate(node.input):
                    self.consumers.setdefault(name, []).append((node, k))
                for name in node.output:
                    self.producer[name] = node

    def array(self, name):
        return to_array(self.tensors[name], self.base)

    def use(self, name):
        """The first compute consumer reached through pass-through ops: (node, input index, transposed, via, dequantize)."""
        frontier = [(name, False, (), None)]
        while frontier:
            current, transposed, via, deq = frontier.pop(0)
            for node, k in self.consumers.get(current, []):
                if node.op_type in COMPUTE:
                    return node, k, transposed, via, deq
                if node.op_type in PASS and k == 0:
                    flip = node.op_type == "Transpose"
                    frontier.append((node.output[0], transposed ^ flip, via + (node.op_type,),
                                     node if node.op_type == "DequantizeLinear" else deq))
        return None


def dequantize(model, q, node):
    scale = model.array(node.input[1]).astype(np.float64)
    zero = model.array(node.input[2]).astype(np.float64) if len(node.input) > 2 and node.input[2] else 0.0
    axis = attr(node, "axis", 1)
    if np.ndim(scale) == 1 and scale.size > 1:
        shape = [1] * q.ndim
        shape[axis] = -1
        scale = scale.reshape(shape)
        zero = np.reshape(zero, shape) if np.ndim(zero) else zero
    return (q.astype(np.float64) - zero) * scale


def integer_scale(model, node):
    """MatMulInteger's weight scale: MatMulInteger -> Cast -> Mul(·, x_scale·w_scale), w_scale an initializer."""
    for cast, _ in model.consumers.get(node.output[0], []):
        for mul, k in model.consumers.get(cast.output[0], []):
            if mul.op_type != "Mul":
                continue
            factor = model.producer.get(mul.input[1 - k])
            if factor is not None and factor.op_type == "Mul":
                for name in factor.input:
                    if name in model.tensors:
                        return model.array(name).astype(np.float64)
    return None


def nbits(model, node):
    """MatMulNBits (com.microsoft) 4-bit blocks decoded to [N, K] = [out, in]."""
    k, n, block = attr(node, "K"), attr(node, "N"), attr(node, "block_size")
    packed = model.array(node.input[1]).reshape(n, -1)
    q = np.empty((n, packed.shape[1] * 2), dtype=np.float64)
    q[:, 0::2] = packed & 0x0F
    q[:, 1::2] = packed >> 4
    blocks = q.shape[1] // block
    scale = model.array(node.input[2]).astype(np.float64).reshape(n, blocks)
    if len(node.input) > 3 and node.input[3]:
        zp = model.array(node.input[3]).reshape(n, -1)
        zero = np.empty((n, zp.shape[1] * 2), dtype=np.float64)
        zero[:, 0::2] = zp & 0x0F
        zero[:, 1::2] = zp >> 4
        zero = zero[:, :blocks]
    else:
        zero = np.full((n, blocks), 8.0)
    w = (q.reshape(n, blocks, block) - zero[:, :, None]) * scale[:, :, None]
    return w.reshape(n, blocks * block)[:, :k]


def oriented(w, read_rows):
    """Features as rows: the larger side; the read frame on a tie."""
    rows, cols = w.shape
    if rows > cols or (rows == cols and read_rows):
        return np.ascontiguousarray(w, dtype=np.float64)
    return np.ascontiguousarray(w.T, dtype=np.float64)


def split_sizes(model, node, width):
    """Column blocks of a MatMul whose output (after an optional Add) is cut by Split on the last axis."""
    outputs = [node.output[0]]
    for add, _ in model.consumers.get(node.output[0], []):
        if add.op_type == "Add":
            outputs.append(add.output[0])
    for name in outputs:
        for split, k in model.consumers.get(name, []):
            if split.op_type == "Split" and k == 0 and attr(split, "axis", 0) in (-1, 1, 2):
                sizes = attr(split, "split")
                if sizes is None and len(split.input) > 1 and split.input[1] in model.tensors:
                    sizes = model.array(split.input[1]).tolist()
                if sizes is None:
                    parts = len(split.output)
                    sizes = [width // parts] * parts
                return list(sizes)
    return None


def frames(path):
    model = Model(path)
    seen = set()
    for name in model.order:
        t = model.tensors[name]
        if name in seen or len(t.dims) < 2 or t.data_type not in FLOATS | QUANT:
            continue
        seen.add(name)
        if len(t.dims) > 2 and sum(d > 1 for d in t.dims) <= 1:
            continue                       # a vector stored with unit axes, not a matrix
        found = model.use(name)
        if found is None:
            continue
        node, k, transposed, via, deq = found
        op = node.op_type
        if t.data_type in QUANT and deq is None and op not in ("MatMulInteger", "MatMulNBits"):
            continue
        if op == "MatMulNBits":
            if k != 1:
                continue
            yield Frame(name, None, op, oriented(nbits(model, node), True))
            continue
        w = model.array(name)
        if deq is not None:
            w = dequantize(model, w, deq)
        if op == "MatMulInteger":
            if k != 1:
                continue
            zero = model.array(node.input[3]).astype(np.float64) if len(node.input) > 3 and node.input[3] else 0.0
            scale = integer_scale(model, node)
            w = (w.astype(np.float64) - zero) * (1.0 if scale is None else scale)
        w = w.astype(np.float64)
        if op in ("MatMul", "MatMulInteger", "Gemm"):
            if k > 1 or w.ndim != 2:
                continue
            if op == "Gemm":
                stored_in_out = (not attr(node, "transB", 0)) if k == 1 else bool(attr(node, "transA", 0))
            else:
                stored_in_out = k == 1
            if transposed:
                stored_in_out = not stored_in_out
            sizes = split_sizes(model, node, w.shape[1]) if op == "MatMul" and stored_in_out else None
            if sizes:
                start = 0
                for b, size in enumerate(sizes):
                    yield Frame(name, b, op, oriented(w[:, start:start + size], False))
                    start += size
            else:
                yield Frame(name, None, op, oriented(w, not stored_in_out))
        elif op == "Gather" and k == 0:
            yield Frame(name, None, op, np.ascontiguousarray(w.reshape(w.shape[0], -1)))
        elif op in ("Conv",) and k == 1:
            yield Frame(name, None, op, oriented(w.reshape(w.shape[0], -1), True))
        elif op == "ConvTranspose" and k == 1:
            yield Frame(name, None, op, oriented(w.reshape(w.shape[0], -1), False))
        elif op in ("LSTM", "GRU", "RNN") and k in (1, 2):
            gates = {"LSTM": 4, "GRU": 3, "RNN": 1}[op]
            blocks = w.reshape(-1, w.shape[-1]) if w.ndim == 2 else w.reshape(-1, w.shape[-1])
            hidden = blocks.shape[0] // (gates * (1 if w.ndim == 2 else w.shape[0]))
            for b in range(blocks.shape[0] // hidden):
                yield Frame(name, b, op, oriented(blocks[b * hidden:(b + 1) * hidden], True))
