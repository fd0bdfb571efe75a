using System.IO.MemoryMappedFiles;
using Superposition.Onnx.Graph;

namespace Superposition.Onnx.Loading;

/// <summary>
/// Elements held in an external data file. Each read maps only the requested byte range, so a model whose
/// weights total many gigabytes is listed without reading them, and a frame costs one mapped window.
/// </summary>
internal sealed class ExternalTensorData(string path, long byteOffset, OnnxDataType type, long elementCount)
    : TensorData(type, elementCount)
{
    public string Path { get; } = path;

    public long ByteOffset { get; } = byteOffset;

    protected override unsafe void ReadCore(long offset, Span<double> destination)
    {
        if (destination.Length == 0) return;
        int size = Type.ByteSize();
        long start = ByteOffset + (offset * size);
        long length = (long)destination.Length * size;
        using var file = MemoryMappedFile.CreateFromFile(Path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = file.CreateViewAccessor(start, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        try
        {
            pointer += view.PointerOffset;
            // Decode in chunks so a span length never exceeds int range even for 8-byte types.
            const int Chunk = 1 << 20;
            for (int done = 0; done < destination.Length; done += Chunk)
            {
                int count = Math.Min(Chunk, destination.Length - done);
                var bytes = new ReadOnlySpan<byte>(pointer + ((long)done * size), count * size);
                DecodeLittleEndian(bytes, Type, destination.Slice(done, count));
            }
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }
}
