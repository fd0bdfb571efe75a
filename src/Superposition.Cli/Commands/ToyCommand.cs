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
        var output = OutOption();
        var steps = new Option<int?>("--steps") { Description = "Optimizer steps per student (default 20,000)." };
        var features = new Option<int?>("--features") { Description = "Number of features N (default 50)." };
        var bottleneck = new Option<int?>("--bottleneck") { Description = "Width K < N of the superposition student (default 10)." };
        var settings = new Option<string[]>("--setting") { Description = "Data settings a,b (frequency exponent, importance exponent); repeatable. Default 1.5,0 1.5,0.5 2,1.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<ulong>("--seed") { Description = "Base seed.", DefaultValueFactory = _ => 0UL };
        var command = new Command("dynamics", "Teacher–student training dynamics: loss power-law exponents with and without a superposition bottleneck.") { output, steps, features, bottleneck, settings, seed };
        command.SetAction(parse =>
        {
            var options = new DynamicsOptions { Seed = parse.GetValue(seed) };
            if (parse.GetValue(steps) is int s) options = options with { Steps = s };
            if (parse.GetValue(features) is int n) options = options with { Features = n };
            if (parse.GetValue(bottleneck) is int k) options = options with { Bottleneck = k };
            if (parse.GetValue(settings) is { Length: > 0 } given) options = options with { Settings = given.Select(ParseSetting).ToList() };
            return Train(context, parse.GetValue(output)!.FullName, "training teacher–student dynamics", (folder, progress) => ToyLab.Dynamics(options, folder, progress), DynamicsReport.Table);
        });
        return command;
    }

    private static Command Mimo(CliContext context)
    {
        var output = OutOption();
        var steps = new Option<int?>("--steps") { Description = "Training steps per configuration (default 3000)." };
        var dimension = new Option<int?>("--dimension") { Description = "Width d of inputs and keys (default 64)." };
        var slots = new Option<int[]>("--slots") { Description = "Numbers of superposed inputs N (default 1 2 4 8).", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<ulong>("--seed") { Description = "Base seed.", DefaultValueFactory = _ => 0UL };
        var command = new Command("mimo", "Computation in superposition: N inputs bound to keys, bundled, processed once, unbound; error against N and key cosines.") { output, steps, dimension, slots, seed };
        command.SetAction(parse =>
        {
            var options = new MimoOptions { Seed = parse.GetValue(seed) };
            if (parse.GetValue(steps) is int s) options = options with { Steps = s };
            if (parse.GetValue(dimension) is int d) options = options with { Dimension = d };
            if (parse.GetValue(slots) is { Length: > 0 } n) options = options with { Slots = n };
            return Train(context, parse.GetValue(output)!.FullName, "training MIMO networks", (folder, progress) => ToyLab.Mimo(options, folder, progress), MimoReport.Table);
        });
        return command;
    }

    /// <summary>Trains with progress, prints the result's table, and says where the files went.</summary>
    private static int Train<T>(CliContext context, string folder, string title, Func<string, IProgress<Training.Tms.ToyProgress>, T> train, Func<T, string> table)
    {
        var result = LayerProgressDisplay.RunTraining(context, title, progress => train(folder, progress));
        context.Out.WriteLine(table(result));
        context.Status($"wrote {folder}");
        return ExitCodes.Success;
    }

    private static PowerLawSetting ParseSetting(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double a)
            && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double b)
            ? new PowerLawSetting(a, b)
            : throw Fail.InvalidArgument("--setting", text, "two numbers a,b, e.g. 1.5,0.5");
    }
}
