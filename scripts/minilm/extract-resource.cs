#:property PublishAot=false
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
// Copies one managed resource out of a .NET assembly without loading it: args = dll, resource name, output file.
using var stream = File.OpenRead(args[0]);
using var pe = new PEReader(stream);
var md = pe.GetMetadataReader();
foreach (var handle in md.ManifestResources)
{
    var r = md.GetManifestResource(handle);
    if (md.GetString(r.Name) != args[1] || !r.Implementation.IsNil) continue;
    var dir = pe.PEHeaders.CorHeader!.ResourcesDirectory;
    var block = pe.GetSectionData(dir.RelativeVirtualAddress).GetReader();
    block.Offset = checked((int)r.Offset);
    int length = block.ReadInt32();
    File.WriteAllBytes(args[2], block.ReadBytes(length));
    return 0;
}
Console.Error.WriteLine($"resource {args[1]} not found in {args[0]}");
return 1;
