using Vigie.Extraction;
using Vigie.Json;
using Vigie.Pipeline;
using Vigie.Readers;

// Minimal entry point; the command classes live in Commands/.
if (args.Length >= 2 && args[0] == "extract")
{
    var pipeline = PipelineFactory.Create();
    var rc = 0;
    foreach (var item in Inputs.Read(args.Skip(1), new ReaderOptions()))
    {
        if (item.Problem != null) { Console.Error.WriteLine(item.Problem); rc = 1; }
        if (item.Document == null) continue;
        pipeline.Run(item.Document);
        Console.WriteLine(VigieJson.Serialize(RecordMapper.ToRecord(item.Document)));
    }
    return rc;
}
Console.Error.WriteLine("usage: vigie extract FILE...");
return 2;
