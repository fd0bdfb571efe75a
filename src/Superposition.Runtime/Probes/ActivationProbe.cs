using Google.Protobuf;
using Superposition.Onnx.Proto;

namespace Superposition.Runtime.Probes;

/// <summary>
/// Records intermediate activations of a model: rewrites the model so the chosen values become graph outputs,
/// runs it on seeded random inputs (<see cref="ProbeOptions"/>), and returns each value as a samples × features
/// matrix, ready for a covariance spectrum. Limits: only values of the main graph can be exposed (not those
/// inside If/Loop/Scan bodies), and models with external weight files are refused (the rewritten model runs
/// from memory, where ORT cannot resolve relative data paths).
/// </summary>
public static class ActivationProbe
{
    /// <summary>The values a probe can expose (outputs of main-graph nodes), in graph order.</summary>
    public static IReadOnlyList<ProbeCandidate> Candidates(string modelPath) => ModelRewriter.Candidates(Load(modelPath));

    /// <summary>Probes the values named in <paramref name="values"/> of the model at <paramref name="modelPath"/>.</summary>
    public static IReadOnlyList<ActivationMatrix> Run(string modelPath, IReadOnlyList<string> values, ProbeOptions? options = null) =>
        Run(Load(modelPath), values, options ?? ProbeOptions.Default, modelPath, null);

    /// <summary>Probes on the given inputs (one run per batch) instead of random ones.</summary>
    public static IReadOnlyList<ActivationMatrix> Run(string modelPath, IReadOnlyList<string> values, ProbeInputs inputs, ProbeOptions? options = null) =>
        Run(Load(modelPath), values, options ?? ProbeOptions.Default, modelPath, inputs);

    /// <summary>As <see cref="Run(string, IReadOnlyList{string}, ProbeOptions?)"/> for a serialized model.</summary>
    public static IReadOnlyList<ActivationMatrix> Run(ReadOnlySpan<byte> model, IReadOnlyList<string> values, ProbeOptions? options = null) =>
        Run(ModelProto.Parser.ParseFrom(model), values, options ?? ProbeOptions.Default, "(bytes)", null);

    private static ModelProto Load(string modelPath)
    {
        try
        {
            return ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw Fail.InvalidModel(modelPath, "not an ONNX model (protobuf parse failed)", e);
        }
    }

    private static List<ActivationMatrix> Run(ModelProto model, IReadOnlyList<string> values, ProbeOptions options, string source, ProbeInputs? inputs)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw Fail.InvalidArgument("probe values", "(none)", "at least one value name (see ActivationProbe.Candidates)");
        }

        if (options.Batches < 1 || options.BatchSize < 1)
        {
            throw Fail.InvalidArgument("probe batches x batch size", $"{options.Batches} x {options.BatchSize}", "both at least 1");
        }

        if (ModelRewriter.UsesExternalData(model))
        {
            throw Fail.InvalidModel(source, "keeps weights in external files; the activation probe runs models from memory and cannot follow them yet");
        }

        var rewritten = ModelRewriter.ExposeValues(model, values).ToByteArray();
        using var session = OrtSession.FromBytes(rewritten, options.Runtime, source + " (probed)");
        var generator = new RandomInputs(options);
        var collected = values.Distinct(StringComparer.Ordinal).ToDictionary(v => v, _ => new List<OrtTensor>(), StringComparer.Ordinal);
        int batches = inputs?.BatchCount ?? options.Batches;
        for (var b = 0; b < batches; b++)
        {
            var feed = inputs is null ? generator.Next(session.Inputs) : inputs.Batch(b, session.Inputs);
            if (b == 0 && inputs is null && options.Samples is int target && session.Inputs.Count > 0
                && feed[session.Inputs[0].Name].Shape is { Count: > 0 } shape)
            {
                batches = (int)Math.Max(1, (target + Math.Max(1, shape[0]) - 1) / Math.Max(1, shape[0]));
            }

            var outputs = session.Run(feed, [.. collected.Keys]);
            foreach (var (name, tensor) in outputs)
            {
                collected[name].Add(tensor);
            }
        }

        var producers = ModelRewriter.Candidates(model).ToDictionary(c => c.Name, c => c.OpType, StringComparer.Ordinal);
        return [.. collected.Select(c => ToMatrix(c.Key, c.Value, producers.GetValueOrDefault(c.Key), options))];
    }

    private static ActivationMatrix ToMatrix(string name, List<OrtTensor> runs, string? opType, ProbeOptions options)
    {
        var first = runs[0];
        int? requested = options.FeatureAxes is { } axes && axes.TryGetValue(name, out int given) ? given : options.FeatureAxis;
        var axis = ActivationLayout.FeatureAxis(first.Shape.Count, opType, requested);
        var columns = first.Shape.Count == 0 ? 1 : first.Shape[axis];
        var total = runs.Sum(r => r.ElementCount);
        if (total > options.MaxValuesPerActivation)
        {
            throw Fail.LayerTooLarge(name, total * sizeof(double), options.MaxValuesPerActivation * sizeof(double));
        }

        if (runs.Any(r => r.Shape.Count != first.Shape.Count || (r.Shape.Count > 0 && r.Shape[axis] != columns)))
        {
            throw Fail.RuntimeFailed(name, "the feature axis changed size between runs, so the samples do not share a feature space");
        }

        var data = new double[total];
        long offset = 0;
        foreach (var run in runs)
        {
            ActivationLayout.AppendRows(run.ToDoubleArray(), run.Shape, axis, data, offset);
            offset += run.ElementCount;
        }

        var rows = columns == 0 ? 0 : checked((int)(total / columns));
        return new ActivationMatrix(name, first.Shape, rows, checked((int)columns), data, axis);
    }
}
