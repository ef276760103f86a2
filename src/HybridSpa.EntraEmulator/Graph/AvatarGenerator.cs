using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>A deterministic 96×96 PNG per user: a coloured square (hue from the object id) with a lighter disc.</summary>
internal sealed class AvatarGenerator
{
    private const int Size = 96;
    private static readonly uint[] CrcTable = BuildCrcTable();
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.OrdinalIgnoreCase);

    public byte[] For(string objectId) => _cache.GetOrAdd(objectId, Render);

    private static byte[] Render(string objectId)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(objectId));
        var (r, g, b) = (seed[0] / 2 + 32, seed[1] / 2 + 32, seed[2] / 2 + 32);
        var rows = new byte[Size * (1 + Size * 3)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * (1 + Size * 3);
            for (var x = 0; x < Size; x++)
            {
                var (dx, dy) = (x - Size / 2, y - Size / 2);
                var inDisc = dx * dx + dy * dy < Size * Size / 9;
                var pixel = row + 1 + x * 3;
                rows[pixel] = (byte)(inDisc ? r + 96 : r);
                rows[pixel + 1] = (byte)(inDisc ? g + 96 : g);
                rows[pixel + 2] = (byte)(inDisc ? b + 96 : b);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Size);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(rows);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
