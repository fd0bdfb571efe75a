using System.Text.Json;
using Superposition.Training.Geometry;
using Superposition.Training.Tms;

namespace Superposition.Training.Export;

/// <summary>
/// Writes a run to a directory: per instance <c>tms_{setup}_i{NN}.onnx</c> and a JSON description
/// <c>tms_{setup}_i{NN}.json</c> (setup, seed(s), sparsity, importance, final loss, loss curve, steps, geometry).
/// Byte-identical for identical runs: no times or machine names are written.
/// </summary>
public static class TmsRunWriter
{
    /// <summary>File stem of one instance, e.g. <c>tms_5-2_i03</c>.</summary>
    public static string Stem(string setupName, int instance) => $"tms_{setupName}_i{instance:00}";

    /// <summary>Writes all instances of <paramref name="run"/> into <paramref name="outDir"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(TmsRunResult run, string outDir)
    {
        ArgumentNullException.ThrowIfNull(run);
        var written = new List<string>();
        ToyFiles.EnsureDirectory(outDir);
        foreach (var r in run.Instances)
        {
            string stem = Stem(run.Options.Name, r.Instance);
            string onnx = Path.Combine(outDir, stem + ".onnx");
            ToyFiles.WriteBytes(onnx, TmsOnnxExporter.ToBytes(r, run.Options.Name));
            written.Add(onnx);
            string json = Path.Combine(outDir, stem + ".json");
            ToyFiles.WriteBytes(json, Describe(run.Options, r, stem + ".onnx"));
            written.Add(json);
        }

        return written;
    }

    /// <summary>The JSON description of one instance (UTF-8, indented).</summary>
    public static byte[] Describe(TmsOptions o, TmsInstanceResult r, string onnxFile)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(r);
        var g = ToyGeometry.Of(r.W, r.Hidden, r.Features);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("kind", "toy-model-of-superposition");
            w.WriteString("setup", o.Name);
            w.WriteString("model", onnxFile);
            w.WriteString("graph", "x[batch,n] -> MatMul(Transpose(W)[n,m]) -> MatMul(W[m,n]) -> Add(b[n]) -> Relu");
            w.WriteNumber("features", r.Features);
            w.WriteNumber("hidden", r.Hidden);
            w.WriteNumber("instance", r.Instance);
            w.WriteNumber("feature_probability", r.FeatureProbability);
            w.WriteNumber("sparsity", 1.0 - r.FeatureProbability);
            WriteArray(w, "importance", o.Importance ?? Enumerable.Repeat(1.0, r.Features).ToArray());
            if (o.TeacherScale is not null) WriteArray(w, "teacher_scale", o.TeacherScale);
            if (o.FrequencyProfile is not null) WriteArray(w, "frequency_profile", o.FrequencyProfile);
            w.WriteNumber("seed", r.Seed);
            w.WriteBoolean("kept_lowest_loss_of_several_seeds", r.KeptBestOfSeveral);
            w.WriteStartArray("seeds");
            foreach (var s in r.Seeds)
            {
                w.WriteStartObject();
                w.WriteNumber("seed", s.Seed);
                w.WriteNumber("final_loss", s.FinalLoss);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("optimizer", o.Optimizer.ToString());
            w.WriteNumber("learning_rate", o.LearningRate);
            w.WriteNumber("beta1", o.Beta1);
            w.WriteNumber("beta2", o.Beta2);
            w.WriteNumber("epsilon", o.Epsilon);
            w.WriteNumber("weight_decay", o.WeightDecay);
            w.WriteString("initialization", o.Initialization.ToString());
            w.WriteNumber("init_std", o.InitialStd);
            w.WriteNumber("init_scale", o.InitScale);
            w.WriteBoolean("notebook_setup", TmsPresets.IsNotebook(o));
            w.WriteNumber("steps", o.Steps);
            w.WriteNumber("batch", o.BatchSize);
            w.WriteNumber("evaluation_samples", o.EvaluationSamples);
            w.WriteString("loss", "mean over batch and features of I_i (target_i - ReLU(W^T W x + b)_i)^2 on a fixed evaluation set");
            w.WriteNumber("final_loss", r.FinalLoss);
            w.WriteStartArray("loss_curve");
            foreach (var p in r.LossCurve)
            {
                w.WriteStartArray();
                w.WriteNumberValue(p.Step);
                w.WriteNumberValue(p.Loss);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartObject("geometry");
            w.WriteNumber("dimensions_per_feature", g.DimensionsPerFeature);
            w.WriteNumber("frobenius_squared", g.FrobeniusSquared);
            w.WriteNumber("tightness_residual", g.TightnessResidual);
            w.WriteNumber("represented_threshold", ToyGeometry.DefaultRepresentedThreshold);
            w.WriteNumber("represented", g.Represented());
            WriteArray(w, "norms", g.Norms);
            WriteArray(w, "dimensionality", g.Dimensionality);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
