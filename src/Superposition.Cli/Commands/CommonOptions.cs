using System.CommandLine;
using Superposition.Onnx.Orientation;

namespace Superposition.Cli.Commands;

/// <summary>Options shared by several verbs, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<OrientationChoice> Orientation() => new("--orientation")
    {
        Description = "Which side of each weight holds the features: auto (the larger side, so features ≥ hidden), read (output units), write (input units), rows, columns.",
        DefaultValueFactory = _ => OrientationChoice.Auto,
    };
}
