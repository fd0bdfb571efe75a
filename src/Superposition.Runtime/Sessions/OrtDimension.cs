using System.Globalization;

namespace Superposition.Runtime;

/// <summary>
/// One dimension of a declared input or output shape: a fixed size, or dynamic (<see cref="Size"/> = -1) with
/// the symbolic name the model gives it (e.g. "batch"), which may be empty.
/// </summary>
public readonly record struct OrtDimension(long Size, string Symbol)
{
    public bool IsDynamic => Size < 0;

    public override string ToString() =>
        IsDynamic ? (Symbol.Length > 0 ? Symbol : "?") : Size.ToString(CultureInfo.InvariantCulture);
}
