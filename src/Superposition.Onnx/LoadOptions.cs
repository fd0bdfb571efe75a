namespace Superposition.Onnx;

/// <summary>How the loader treats what a model file claims about files outside itself.</summary>
public sealed record LoadOptions
{
    /// <summary>The defaults: external data must stay inside the model's folder.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>
    /// Allows external-data locations that leave the model's folder (absolute paths, <c>..</c>, symbolic links
    /// that point elsewhere). Off by default: a downloaded model should not make the tool read arbitrary files.
    /// </summary>
    public bool AllowExternalOutside { get; init; }
}
