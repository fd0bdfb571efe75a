using System.Diagnostics;
using System.Globalization;
using Superposition.Onnx.Proto;
using Superposition.Runtime.Proto;

namespace Superposition.Runtime.Tests.Conformance;

/// <summary>
/// Runs the ONNX backend test models (Debian libonnx-testdata) through the binding: each model on each of its
/// shipped <c>test_data_set_*</c> inputs, compared with the shipped outputs (<see cref="TensorComparison"/>).
/// Models run in parallel, one ORT thread each.
/// </summary>
internal static class ConformanceRunner
{
    internal static readonly string[] Suites = ["node", "simple", "pytorch-converted", "pytorch-operator", "real"];

    internal static IReadOnlyList<ConformanceOutcome> RunAll(string root)
    {
        var models = Suites
            .Select(suite => Path.Combine(root, suite))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var outcomes = new ConformanceOutcome[models.Length];
        Parallel.For(0, models.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => outcomes[i] = RunModel(root, models[i]));
        return outcomes;
    }

    internal static ConformanceOutcome RunModel(string root, string directory)
    {
        var name = Path.GetRelativePath(root, directory);
        var clock = Stopwatch.StartNew();
        var (status, detail) = Evaluate(directory);
        return new ConformanceOutcome(name, status, detail, clock.Elapsed.TotalSeconds);
    }

    private static (ConformanceStatus, string) Evaluate(string directory)
    {
        var modelFile = Path.Combine(directory, "model.onnx");
        if (!File.Exists(modelFile))
        {
            return (ConformanceStatus.Skipped, "no model.onnx (this Debian package ships only the download URL)");
        }

        var dataSets = Directory.GetDirectories(directory, "test_data_set_*").Order(StringComparer.Ordinal).ToArray();
        if (dataSets.Length == 0)
        {
            return (ConformanceStatus.Skipped, "no test_data_set_*");
        }

        OrtSession session;
        try
        {
            session = OrtSession.Open(modelFile);
        }
        catch (SuperpositionException e)
        {
            return (ConformanceStatus.Rejected, e.Message[(e.Message.IndexOf("ONNX Runtime error", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..]);
        }

        using (session)
        {
            var unsupported = session.Inputs.Concat(session.Outputs).FirstOrDefault(v => !v.IsSupportedTensor);
            if (unsupported is not null)
            {
                return (ConformanceStatus.Skipped, $"value {unsupported} is not a tensor type the binding moves");
            }

            foreach (var dataSet in dataSets)
            {
                var result = RunDataSet(session, dataSet);
                if (result.Status != ConformanceStatus.Passed)
                {
                    return (result.Status, $"{Path.GetFileName(dataSet)}: {result.Detail}");
                }
            }
        }

        return (ConformanceStatus.Passed, string.Create(CultureInfo.InvariantCulture, $"{dataSets.Length} data set(s)"));
    }

    private static (ConformanceStatus Status, string Detail) RunDataSet(OrtSession session, string dataSet)
    {
        List<OrtTensor> expected;
        Dictionary<string, OrtTensor> inputs;
        try
        {
            inputs = Bind(session.Inputs, Read(dataSet, "input"), "input");
            expected = Read(dataSet, "output").Select(p => p.Tensor).ToList();
        }
        catch (SuperpositionException e)
        {
            return (ConformanceStatus.Skipped, "test data: " + e.Message);
        }

        if (expected.Count != session.Outputs.Count)
        {
            return (ConformanceStatus.Skipped, $"{expected.Count} expected outputs for {session.Outputs.Count} model outputs");
        }

        IReadOnlyDictionary<string, OrtTensor> actual;
        try
        {
            actual = session.Run(inputs);
        }
        catch (SuperpositionException e)
        {
            return (ConformanceStatus.RunFailed, e.Message[(e.Message.IndexOf("ONNX Runtime error", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..]);
        }

        for (var o = 0; o < expected.Count; o++)
        {
            var output = session.Outputs[o].Name;
            if (TensorComparison.Difference(expected[o], actual[output]) is { } difference)
            {
                return (ConformanceStatus.Mismatched, $"output '{output}': {difference}");
            }
        }

        return (ConformanceStatus.Passed, string.Empty);
    }

    /// <summary>input_i.pb feeds the session input of the same name when the file names one, else input i.</summary>
    private static Dictionary<string, OrtTensor> Bind(IReadOnlyList<OrtValueInfo> declared, List<(string Name, OrtTensor Tensor)> files, string kind)
    {
        if (files.Count != declared.Count)
        {
            throw Fail.InvalidModel(kind, $"{files.Count} {kind} files for {declared.Count} session inputs (optional inputs left out)");
        }

        var bound = new Dictionary<string, OrtTensor>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var name = declared.Any(d => d.Name == files[i].Name) ? files[i].Name : declared[i].Name;
            bound[name] = files[i].Tensor;
        }

        return bound;
    }

    private static List<(string Name, OrtTensor Tensor)> Read(string dataSet, string prefix)
    {
        var list = new List<(string, OrtTensor)>();
        for (var i = 0; ; i++)
        {
            var file = Path.Combine(dataSet, $"{prefix}_{i}.pb");
            if (!File.Exists(file))
            {
                return list;
            }

            var proto = TensorProto.Parser.ParseFrom(File.ReadAllBytes(file));
            list.Add((proto.Name, TensorProtoDecoder.Decode(proto, file)));
        }
    }
}
