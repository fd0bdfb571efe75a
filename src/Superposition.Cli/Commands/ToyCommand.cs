using System.CommandLine;
using Superposition.Cli.Output;
using Superposition.Reports;
using Superposition.Reports.Toy;
using Superposition.Training;
using Superposition.Training.Dynamics;
using Superposition.Training.Mimo;
using Superposition.Training.Sweep;

namespace Superposition.Cli.Commands;

/// <summary><c>superposition toy train|sweep|dynamics|mimo</c>: toy models whose answers are known, exported as ONNX + JSON.</summary>
internal static class ToyCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("toy", "Train toy models of superposition (Elhage et al.), teacher–student power-law dynamics (Chen et al.) and computation in superposition (MIMONets); every model is written as ONNX + JSON.");
        command.Subcommands.Add(Tms(context, "train", "Train the toy model of superposition x' = ReLU(Wᵀ W x + b), one instance per feature probability.", sweep: false));
        command.Subcommands.Add(Tms(context, "sweep", "Train a sparsity sweep and write its phase diagram (features represented, D*, geometry per sparsity).", sweep: true));
        command.Subcommands.Add(Figure(context));
        command.Subcommands.Add(Dynamics(context));
        command.Subcommands.Add(Mimo(context));
        return command;
    }

    private static Option<DirectoryInfo> OutOption() => new("--out") { HelpName = "DIR", Description = "Folder for the models (ONNX + JSON) and tables.", Required = true };

    private static Command Tms(CliContext context, string name, string description, bool sweep)
    {
        var options = new ToyOptionSet();
        var output = OutOption();
        var figure = new Option<FileInfo?>("--figure") { HelpName = "FILE.svg", Description = "Also write the feature-dimensionality figure (D_i of every feature against 1/(1−S)) as SVG." };
        var command = new Command(name, description) { output };
        if (sweep) command.Options.Add(figure);
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var settings = options.Read(parse);
            string folder = parse.GetValue(output)!.FullName;
            var result = LayerProgressDisplay.RunTraining(context, $"training {settings.Name} ({settings.FeatureProbabilities.Count} instances)", progress =>
                sweep ? ToyLab.Sweep(settings, folder, progress: progress) : SparsitySweep.FromRun(ToyLab.Train(settings, folder, progress)));
            context.Out.WriteLine(SparsitySweep.Table(result));
            if (sweep && parse.GetValue(figure) is FileInfo file)
            {
                var points = result.Rows.SelectMany(r => Enumerable.Range(0, r.Norms.Count).Select(i => new FeaturePoint(r.FeatureProbability, r.Seed, r.Instance, i, r.Norms[i], r.Dimensionality[i]))).ToArray();
                AtomicFile.WriteAllText(file.FullName, DimensionalityFigure.Svg($"Feature dimensionality, {settings.Name} (n={settings.Features}, m={settings.Hidden}), seed {settings.Seed}", points));
                context.Status($"wrote {file.FullName}");
            }

            context.Status($"wrote {result.Run.Instances.Count} toy models to {folder}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Figure(CliContext context)
    {
        var features = new Option<FileInfo[]>("--features") { HelpName = "CSV", Description = "features.csv files written by toy sweep (e.g. one per seed); all their features are drawn.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { HelpName = "FILE.svg", Description = "The SVG to write.", Required = true };
        var title = new Option<string>("--title") { Description = "Chart title.", DefaultValueFactory = _ => "Feature dimensionality D_i against 1/(1−S)" };
        var command = new Command("figure", "Draw the feature-dimensionality figure (D_i of every feature against 1/(1−S), fractions 1, 3/4, 2/3, 1/2, 4/9, 2/5, 3/8 marked) from sweep CSVs.") { features, output, title };
        command.SetAction(parse =>
        {
            var points = new List<FeaturePoint>();
            foreach (var file in parse.GetValue(features)!)
            {
                if (!file.Exists) throw Fail.InvalidArgument("--features", file.FullName, "an existing features.csv");
                points.AddRange(DimensionalityFigure.ReadCsv(file.FullName, File.ReadAllText(file.FullName)));
            }

            string path = parse.GetValue(output)!.FullName;
            AtomicFile.WriteAllText(path, DimensionalityFigure.Svg(parse.GetValue(title)!, points));
            context.Status($"wrote {path} ({points.Count} features)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Dynamics(CliContext context)
    {
        var defaults = new DynamicsOptions();
        var output = new Option<DirectoryInfo?>("--out") { HelpName = "DIR", Description = "Folder for dynamics.md and dynamics_curves.csv." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write {\"settings\": [...]} (exponents, theory, window, superposition strength per setting) to this file." };
        var features = new Option<int?>("--features") { Description = $"Number of features N (default {defaults.Features})." };
        var bottleneck = new Option<int?>("--bottleneck") { Description = $"Width K < N of the superposition student (default {defaults.Bottleneck})." };
        var settings = new Option<string[]>("--setting") { Description = "Data settings a,b (frequency exponent, importance exponent); repeatable. Default 1.5,0 1.5,0.5 2,1 2.5,0.", AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<int?>("--seeds") { Description = $"Seeds per student (default {defaults.Seeds})." };
        var duration = new Option<double?>("--duration") { Description = $"Gradient-flow time t = lr * steps to train (default {defaults.Duration:G})." };
        var lr = new Option<double?>("--lr") { Description = $"SGD learning rate (default {defaults.LearningRate})." };
        var batch = new Option<int?>("--batch") { Description = $"Samples per SGD step (default {defaults.BatchSize})." };
        var decays = new Option<double[]>("--weight-decay") { Description = "Weight decays on the bottleneck's W (negative forces superposition); repeatable. Default -3e-4 0 3e-4.", AllowMultipleArgumentsPerToken = true };
        var window = new Option<string?>("--window") { HelpName = "T0,T1", Description = $"Fit window in time t (default {defaults.FitFrom:G},{defaults.FitTo:G})." };
        var active = new Option<double?>("--expected-active") { Description = $"Normalisation sum p_i: expected active features per sample (default {defaults.ExpectedActive})." };
        var seed = new Option<ulong>("--seed") { Description = "Base seed.", DefaultValueFactory = _ => 0UL };
        var command = new Command("dynamics", "Teacher–student training dynamics (Chen et al. 2026): loss power-law exponents of a linear, a tied and a superposition-bottleneck student, with the superposition strength in the fit window.")
        {
            output, json, features, bottleneck, settings, seeds, duration, lr, batch, decays, window, active, seed,
        };
        command.SetAction(parse =>
        {
            var options = defaults with { Seed = parse.GetValue(seed) };
            if (parse.GetValue(features) is int n) options = options with { Features = n };
            if (parse.GetValue(bottleneck) is int k) options = options with { Bottleneck = k };
            if (parse.GetValue(settings) is { Length: > 0 } given) options = options with { Settings = given.Select(ParseSetting).ToList() };
            if (parse.GetValue(seeds) is int sd) options = options with { Seeds = sd };
            if (parse.GetValue(duration) is double t) options = options with { Duration = t, FitTo = Math.Min(options.FitTo, t) };
            if (parse.GetValue(lr) is double eta) options = options with { LearningRate = eta };
            if (parse.GetValue(batch) is int bs) options = options with { BatchSize = bs };
            if (parse.GetValue(decays) is { Length: > 0 } wd) options = options with { WeightDecays = wd };
            if (parse.GetValue(active) is double ea) options = options with { ExpectedActive = ea };
            if (parse.GetValue(window) is string w)
            {
                var (t0, t1) = ParsePair("--window", w);
                options = options with { FitFrom = t0, FitTo = t1 };
            }

            string? folder = parse.GetValue(output)?.FullName;
            var result = LayerProgressDisplay.RunTraining(context, "training teacher–student dynamics", progress => ToyLab.Dynamics(options, folder, progress));
            context.Out.WriteLine(DynamicsReport.Table(result));
            if (parse.GetValue(json) is { } file)
            {
                Json.Write(file.FullName, DynamicsReport.Document(result));
                context.Status($"wrote {file.FullName}");
            }

            if (folder is not null) context.Status($"wrote {folder}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Mimo(CliContext context)
    {
        var defaults = new MimoOptions();
        var output = new Option<DirectoryInfo?>("--out") { HelpName = "DIR", Description = "Folder for mimo.md and mimo.svg (accuracy against N with the fixed-unbinding curve)." };
        var json = new Option<FileInfo?>("--json") { HelpName = "FILE", Description = "Write {\"results\": [...]} (n, accuracy, fixedUnbindingAccuracy, keyCos2 per N) to this file." };
        var steps = new Option<int?>("--steps") { Description = $"Training steps per network (default {defaults.Steps})." };
        var width = new Option<int?>("--width") { Description = $"Width F of the superposed representation and keys (default {defaults.Width})." };
        var slots = new Option<int[]>("--slots") { Description = "Numbers of superposed inputs N (default 1 2 4 8).", AllowMultipleArgumentsPerToken = true };
        var dynamic = new Option<bool>("--dynamic") { Description = "Dynamic-N training: each step occupies a random number 1..N of slots." };
        var noise = new Option<double?>("--noise") { Description = $"Class noise sigma of the inputs (default {defaults.Noise})." };
        var seed = new Option<ulong>("--seed") { Description = "Base seed.", DefaultValueFactory = _ => 0UL };
        var command = new Command("mimo", "Computation in superposition (MIMONets): N inputs through a learned first layer, bound to trainable keys, bundled, processed once, read by learned heads; accuracy against N beside fixed key unbinding.")
        {
            output, json, steps, width, slots, dynamic, noise, seed,
        };
        command.SetAction(parse =>
        {
            var options = defaults with { Seed = parse.GetValue(seed), DynamicSlots = parse.GetValue(dynamic) };
            if (parse.GetValue(steps) is int s) options = options with { Steps = s };
            if (parse.GetValue(width) is int f) options = options with { Width = f };
            if (parse.GetValue(slots) is { Length: > 0 } n) options = options with { Slots = n };
            if (parse.GetValue(noise) is double sigma) options = options with { Noise = sigma };
            string? folder = parse.GetValue(output)?.FullName;
            var result = LayerProgressDisplay.RunTraining(context, "training MIMO networks", progress => ToyLab.Mimo(options, folder, progress));
            context.Out.WriteLine(MimoReport.Table(result));
            if (folder is not null)
            {
                OutputFile.WriteText(Path.Combine(folder, "mimo.svg"), MimoChart.Svg(result));
                context.Status($"wrote {folder}");
            }

            if (parse.GetValue(json) is { } file)
            {
                Json.Write(file.FullName, MimoReport.Document(result));
                context.Status($"wrote {file.FullName}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static PowerLawSetting ParseSetting(string text)
    {
        var (a, b) = ParsePair("--setting", text);
        return new PowerLawSetting(a, b);
    }

    private static (double First, double Second) ParsePair(string option, string text)
    {
        var parts = text.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double a)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double b)
            ? (a, b)
            : throw Fail.InvalidArgument(option, text, "two numbers separated by a comma, e.g. 1.5,0.5");
    }
}
