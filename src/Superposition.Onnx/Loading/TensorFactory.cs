using Superposition.Onnx.Graph;
using Superposition.Onnx.Proto;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Turns a TensorProto into a <see cref="WeightTensor"/>, checking that its stored bytes agree with its
/// dims and element type, and that external data exists and is long enough, before anything is decoded.
/// </summary>
internal sealed class TensorFactory(string modelFile, string modelDirectory, LoadOptions options)
{
    public WeightTensor Create(TensorProto proto, TensorSource source, string graphPath, string? nameOverride = null)
    {
        string name = nameOverride ?? proto.Name;
        var type = (OnnxDataType)proto.DataType;
        long count = ElementCount(name, proto.Dims);
        if (proto.Segment is not null)
        {
            // Segmented tensors are split over several protos; no exporter we know writes them.
            return new WeightTensor(name, type, proto.Dims.ToArray(), count, TensorStorage.Raw, source, graphPath, null, null, modelFile)
            {
                NotAFrameReason = "segmented tensor (TensorProto.segment), not supported",
            };
        }

        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
        {
            return CreateExternal(proto, name, type, count, source, graphPath);
        }

        TensorData? data = null;
        TensorStorage storage;
        if (!proto.RawData.IsEmpty || !HasTypedData(proto))
        {
            storage = TensorStorage.Raw;
            if (type.IsDecodable())
            {
                long expected = ByteCount(name, count, type);
                if (proto.RawData.Length != expected)
                {
                    throw Fail.InvalidTensor(modelFile, name,
                        $"raw_data holds {proto.RawData.Length} bytes, but dims {Dims(proto)} of {type.Name()} need {expected} bytes");
                }

                data = PackedNibbleTensorData.Create((t, c) => new RawTensorData(proto.RawData.Memory, t, c), type, count);
            }
        }
        else
        {
            storage = TensorStorage.Typed;
            if (type.IsDecodable() && !type.IsPacked4()) // 4-bit types in int32_data: no exporter writes them; left undecoded
            {
                long have = TypedTensorData.FieldCount(proto, type);
                if (have != count)
                {
                    throw Fail.InvalidTensor(modelFile, name,
                        $"{TypedTensorData.FieldName(type)} holds {have} values, but dims {Dims(proto)} need {count}");
                }

                data = new TypedTensorData(proto, type, count);
            }
        }

        return new WeightTensor(name, type, proto.Dims.ToArray(), count, storage, source, graphPath, null, data, modelFile);
    }

    public WeightTensor CreateSparse(SparseTensorProto sparse, TensorSource source, string graphPath, string? nameOverride = null)
    {
        var values = sparse.Values ?? throw Fail.InvalidModel(modelFile, "a sparse initializer has no values tensor");
        string name = nameOverride ?? values.Name;
        var type = (OnnxDataType)values.DataType;
        long count = ElementCount(name, sparse.Dims);
        var valueTensor = Create(values, source, graphPath, name + ".values");
        var indexTensor = Create(sparse.Indices ?? throw Fail.InvalidTensor(modelFile, name, "sparse tensor has no indices"), source, graphPath, name + ".indices");
        long nnz = valueTensor.ElementCount;
        if (!indexTensor.IsDecodable)
        {
            throw Fail.InvalidTensor(modelFile, name, $"sparse indices of element type {indexTensor.DataType.Name()} cannot be read (expected int64)");
        }

        // The index list is checked against the values before anything is sized from either: a values tensor of an
        // undecodable type has no bytes to bound its dims (found by fuzzing: fuzz/regressions/sparse-*.onnx).
        double[] rawIndices = indexTensor.ReadAll();
        int rank = sparse.Dims.Count;
        bool isLinear = rawIndices.Length == nnz;
        bool isCoordinate = !isLinear && rank > 0 && rawIndices.Length % rank == 0 && rawIndices.Length / rank == nnz;
        if (!isLinear && !isCoordinate)
        {
            throw Fail.InvalidTensor(modelFile, name, $"sparse indices hold {rawIndices.Length} values, expected {nnz} or {nnz}×{rank}");
        }

        var linear = new long[nnz];
        for (int k = 0; k < nnz; k++)
        {
            if (isLinear)
            {
                linear[k] = WholeIndex(name, rawIndices[k], count);
                continue;
            }

            // Horner's rule over coordinates each below its dim stays below the element count: no overflow.
            long index = 0;
            for (int d = 0; d < rank; d++) index = (index * sparse.Dims[d]) + WholeIndex(name, rawIndices[(k * rank) + d], sparse.Dims[d]);
            linear[k] = index;
        }

        TensorData? data = valueTensor.IsDecodable ? new SparseTensorData(valueTensor.Data, linear, type, count) : null;
        return new WeightTensor(name, type, sparse.Dims.ToArray(), count, valueTensor.Storage, TensorSource.SparseInitializer, graphPath, valueTensor.ExternalFile, data, modelFile);
    }

    private WeightTensor CreateExternal(TensorProto proto, string name, OnnxDataType type, long count, TensorSource source, string graphPath)
    {
        string? location = null;
        long offset = 0;
        long? length = null;
        foreach (var entry in proto.ExternalData)
        {
            switch (entry.Key)
            {
                case "location": location = entry.Value; break;
                case "offset": offset = ParseLong(name, entry.Key, entry.Value); break;
                case "length": length = ParseLong(name, entry.Key, entry.Value); break;
            }
        }

        if (string.IsNullOrEmpty(location)) throw Fail.InvalidTensor(modelFile, name, "external data has no 'location' entry");
        var (path, refusal) = ExternalLocation.Resolve(modelDirectory, location, options.AllowExternalOutside);
        if (refusal is not null)
        {
            throw Fail.InvalidTensor(modelFile, name,
                $"external data location '{location}' {refusal}; it must name a file inside the model's folder (pass --allow-external-outside to permit it)");
        }

        if (!File.Exists(path))
        {
            throw Fail.MissingExternalData(modelFile, name, $"external data file '{location}' not found (looked in {modelDirectory})");
        }

        if (offset < 0) throw Fail.InvalidTensor(modelFile, name, $"external 'offset' is {offset}; expected a byte offset ≥ 0");
        if (length is < 0) throw Fail.InvalidTensor(modelFile, name, $"external 'length' is {length}; expected a byte count ≥ 0");
        TensorData? data = null;
        if (type.IsDecodable())
        {
            long expected = ByteCount(name, count, type);
            if (length is long given && given != expected)
            {
                throw Fail.InvalidTensor(modelFile, name, $"external 'length' is {given} bytes, but dims {Dims(proto)} of {type.Name()} need {expected}");
            }

            long fileLength;
            try
            {
                fileLength = FileLength(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Fail.MissingExternalData(modelFile, name, $"external data file '{location}' cannot be opened: {e.Message}");
            }

            if (offset > fileLength || expected > fileLength - offset)
            {
                throw Fail.MissingExternalData(modelFile, name,
                    $"external data file '{location}' holds {fileLength} bytes, too short for {expected} bytes at offset {offset}");
            }

            data = PackedNibbleTensorData.Create((t, c) => new ExternalTensorData(path, offset, t, c), type, count);
        }

        return new WeightTensor(name, type, proto.Dims.ToArray(), count, TensorStorage.External, source, graphPath, location, data, modelFile);
    }

    private long ElementCount(string name, IEnumerable<long> dims)
    {
        long count = 1;
        foreach (long d in dims)
        {
            if (d < 0) throw Fail.InvalidTensor(modelFile, name, $"negative dimension {d}");
            try
            {
                count = checked(count * d);
            }
            catch (OverflowException)
            {
                throw Fail.InvalidTensor(modelFile, name, "element count overflows 64 bits");
            }
        }

        return count;
    }

    /// <summary>A stored index as a whole number in [0, limit), or an error naming the tensor.</summary>
    private long WholeIndex(string name, double value, long limit) =>
        value >= 0 && value < limit && value == Math.Floor(value)
            ? (long)value
            : throw Fail.InvalidTensor(modelFile, name, $"sparse index {value} outside [0, {limit})");

    /// <summary>The length of the file a path leads to (FileInfo.Length of a symbolic link is the link's own size).</summary>
    private static long FileLength(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return RandomAccess.GetLength(handle);
    }

    /// <summary>Bytes the dims claim; checked, so a claim past 2^63 bytes is an error rather than a wrapped number.</summary>
    private long ByteCount(string name, long count, OnnxDataType type)
    {
        try
        {
            return type.IsPacked4() ? type.StoredBytes(count) : checked(count * type.ByteSize()); // 4-bit types: two per byte
        }
        catch (OverflowException)
        {
            throw Fail.InvalidTensor(modelFile, name, $"dims claim {count} elements of {type.Name()}, more bytes than 64 bits can count");
        }
    }

    private long ParseLong(string tensor, string key, string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long parsed)
            ? parsed
            : throw Fail.InvalidTensor(modelFile, tensor, $"external data '{key}' = '{value}' is not an integer");

    private static bool HasTypedData(TensorProto proto) =>
        proto.FloatData.Count + proto.DoubleData.Count + proto.Int32Data.Count + proto.Int64Data.Count + proto.Uint64Data.Count + proto.StringData.Count > 0;

    private static string Dims(TensorProto proto) => "[" + string.Join(", ", proto.Dims) + "]";
}
