using System.Buffers.Binary;
using System.IO.Compression;
using Superposition.Reports.Charts;

namespace Superposition.Reports.Html;

/// <summary>
/// A minimal PNG writer (8-bit RGB, no filtering, zlib via the runtime) so an HTML heatmap is one small image
/// instead of thousands of SVG rectangles. Chunks and CRC-32 as the PNG specification defines them.
/// </summary>
internal static class PngEncoder
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Encodes <paramref name="pixels"/> (height rows of width colours, top row first).</summary>
    public static byte[] Encode(int width, int height, IReadOnlyList<ChartColor> pixels)
    {
        if (width < 1 || height < 1 || pixels.Count != width * height)
        {
            throw Fail.Internal($"PNG of {width} × {height} needs {width * height} pixels, got {pixels.Count}");
        }

        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour RGB (compression, filter, interlace stay 0)
        WriteChunk(output, "IHDR", header);

        var scanlines = new byte[height * ((3 * width) + 1)];
        int k = 0;
        for (int row = 0; row < height; row++)
        {
            scanlines[k++] = 0; // filter type None
            for (int column = 0; column < width; column++)
            {
                var color = pixels[(row * width) + column];
                scanlines[k++] = color.R;
                scanlines[k++] = color.G;
                scanlines[k++] = color.B;
            }
        }

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(scanlines);
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>CRC-32 (polynomial 0xEDB88320, as in zlib and PNG) of <paramref name="data"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFF;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = new byte[4 + data.Length];
        for (int i = 0; i < 4; i++) typed[i] = (byte)type[i];
        data.CopyTo(typed, 4);
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }

        return table;
    }
}
