using System.Runtime.InteropServices;
using System.Text;

namespace Superposition.Runtime.Native;

/// <summary>
/// A set of strings as the C API wants them: null-terminated UTF-8, with an array of pointers to them, all in
/// one unmanaged block that lives until disposed.
/// </summary>
internal sealed unsafe class NativeNames : IDisposable
{
    private void* _block;

    internal NativeNames(IEnumerable<string> names)
    {
        var list = names.ToArray();
        var pointerBytes = (nuint)(list.Length * sizeof(byte*));
        nuint textBytes = 0;
        foreach (var name in list)
        {
            textBytes += (nuint)Encoding.UTF8.GetByteCount(name) + 1;
        }

        _block = NativeMemory.Alloc(pointerBytes + textBytes);
        Pointers = (byte**)_block;
        var text = (byte*)_block + pointerBytes;
        for (var i = 0; i < list.Length; i++)
        {
            Pointers[i] = text;
            var span = new Span<byte>(text, (int)(textBytes - (nuint)(text - ((byte*)_block + pointerBytes))));
            var written = Encoding.UTF8.GetBytes(list[i], span);
            text[written] = 0;
            text += written + 1;
        }

        Count = list.Length;
    }

    /// <summary>Pointer to the first of <see cref="Count"/> string pointers.</summary>
    internal byte** Pointers { get; }

    internal int Count { get; }

    public void Dispose()
    {
        if (_block != null)
        {
            NativeMemory.Free(_block);
            _block = null;
        }
    }
}
