using Superposition.Onnx.Graph;
namespace Superposition.Runtime.Probes;

/// <summary>
/// Seeded inputs for a session: floating-point tensors are standard normal (Box–Muller), integers uniform in
/// [0, <see cref="ProbeOptions.IntegerUpperBound"/>), bools fair coin flips.
/// </summary>
internal sealed class RandomInputs(ProbeOptions options)
{
    private readonly Random _random = new(options.Seed);

    internal Dictionary<string, OrtTensor> Next(IReadOnlyList<OrtValueInfo> inputs)
    {
        var batch = new Dictionary<string, OrtTensor>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!input.IsSupportedTensor)
            {
                throw Fail.InvalidArgument("probe input", input, "a numeric or bool tensor (the probe cannot make other inputs)");
            }

            var shape = Shape(input);
            var count = checked((int)shape.Aggregate(1L, (a, b) => checked(a * b)));
            batch[input.Name] = new OrtTensor(input.ElementType, shape, Fill(input.ElementType, count));
        }

        return batch;
    }

    private long[] Shape(OrtValueInfo input)
    {
        if (options.InputShapes is not null && options.InputShapes.TryGetValue(input.Name, out var given))
        {
            bool fits = given.Length == input.Shape.Count && given.Select((size, d) => size > 0 && (input.Shape[d].IsDynamic || input.Shape[d].Size == size)).All(ok => ok);
            return fits ? given : throw Fail.InvalidArgument($"shape of input '{input.Name}'", string.Join('x', given),
                $"{input.Shape.Count} positive sizes matching the model's [{string.Join(", ", input.Shape.Select(d => d.IsDynamic ? "?" : d.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]");
        }

        var shape = new long[input.Shape.Count];
        for (var d = 0; d < shape.Length; d++)
        {
            var dim = input.Shape[d];
            shape[d] = !dim.IsDynamic ? dim.Size
                : options.DimensionSizes is not null && dim.Symbol.Length > 0 && options.DimensionSizes.TryGetValue(dim.Symbol, out var size) ? size
                : d == 0 ? options.BatchSize
                : options.DynamicDimensionSize;
        }

        return shape;
    }

    private Array Fill(OnnxDataType type, int count)
    {
        switch (type)
        {
            case OnnxDataType.Float32:
                return Enumerable.Range(0, count).Select(_ => (float)Normal()).ToArray();
            case OnnxDataType.Float64:
                return Enumerable.Range(0, count).Select(_ => Normal()).ToArray();
            case OnnxDataType.Float16:
                return Enumerable.Range(0, count).Select(_ => (Half)Normal()).ToArray();
            case OnnxDataType.Bool:
                return Enumerable.Range(0, count).Select(_ => _random.Next(2) == 1).ToArray();
            default:
                var values = Enumerable.Range(0, count).Select(_ => _random.NextInt64(Math.Max(1, options.IntegerUpperBound))).ToArray();
                var clr = OrtElementTypes.ClrType(type)!;
                var array = OrtElementTypes.NewArray(type, count)!;
                for (var i = 0; i < count; i++)
                {
                    array.SetValue(Convert.ChangeType(values[i], clr, System.Globalization.CultureInfo.InvariantCulture), i);
                }

                return array;
        }
    }

    private double Normal()
    {
        // Box–Muller; 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
        var u = 1.0 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
