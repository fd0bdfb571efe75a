using System.CommandLine;
using Superposition.Onnx;
using Superposition.Onnx.Orientation;

namespace Superposition.Cli.Commands;

/// <summary>Options shared by several verbs, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>A global option: every verb that reads a model honours it.</summary>
    public static Option<bool> AllowExternalOutside { get; } = new("--allow-external-outside")
    {
        Description = "Let a model's external data live outside the model's folder (absolute paths, '..', symbolic links that lead out). "
            + "Off by default, so a downloaded model cannot make the tool read other files.",
        Recursive = true,
    };

    /// <summary>The loader options the global flags ask for.</summary>
    public static LoadOptions Loading(ParseResult parse) => new() { AllowExternalOutside = parse.GetValue(AllowExternalOutside) };

    public static Option<OrientationChoice> Orientation() => new("--orientation")
    {
        Description = "Which side of each weight holds the features: auto (the larger side, so features ≥ hidden), read (output units), write (input units), rows, columns.",
        DefaultValueFactory = _ => OrientationChoice.Auto,
    };
}
