using BenchmarkDotNet.Attributes;
using Vigie.Fusion;
using Vigie.Model;

namespace Vigie.Benchmarks;

/// <summary>
/// Cross-article fusion on synthetic mentions: N events spread over a year and a region the size of
/// Syria, each reported 1–4 times with jittered places (≤ 5 km), days (± 1) and tolls.
/// Run: `dotnet run -c Release --project benchmarks/Vigie.Benchmarks -- micro --filter *FusionBench*`.
/// </summary>
[MemoryDiagnoser]
public class FusionBench
{
    [Params(10_000, 100_000)]
    public int Mentions { get; set; }

    private List<FusionMention> _mentions = [];

    [GlobalSetup]
    public void Setup() => _mentions = Generate(Mentions, seed: 7);

    [Benchmark]
    public int Fuse() => new EventFusion(SourceReliability.Load(SourceTable())).Fuse(_mentions).Count;

    public static List<FusionMention> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var subtypes = new[] { EventSubtype.AirDroneStrike, EventSubtype.ArmedClash, EventSubtype.ShellingArtilleryMissileAttack, EventSubtype.Attack };
        var sources = new[] { "OSDH", "SANA", "AFP", "Reuters", "Casques blancs", "un habitant" };
        var list = new List<FusionMention>(count);
        var doc = 0;
        while (list.Count < count)
        {
            var subtype = subtypes[random.Next(subtypes.Length)];
            var day = new DateOnly(2019, 1, 1).AddDays(random.Next(365));
            double lat = 32.5 + random.NextDouble() * 4.5, lon = 35.7 + random.NextDouble() * 6.5;
            var killed = random.Next(60);
            var reports = 1 + random.Next(4);
            for (var r = 0; r < reports && list.Count < count; r++, doc++)
            {
                var d = day.AddDays(random.Next(3) - 1);
                list.Add(new FusionMention
                {
                    Key = $"{doc:D8}:0000",
                    DocumentHash = doc.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
                    Source = sources[random.Next(sources.Length)],
                    Event = new Event
                    {
                        Type = Taxonomy.TypeOf(subtype),
                        Subtype = subtype,
                        Date = DateRange.Single(PartialDate.OfDay(d)),
                        Location = new Location { Name = "p", Country = "SY", Lat = lat + (random.NextDouble() - 0.5) * 0.08, Lon = lon + (random.NextDouble() - 0.5) * 0.08, Precision = 1 },
                        Fatalities = random.Next(4) == 0 ? null : Math.Max(0, killed + random.Next(9) - 4),
                    },
                });
            }
        }
        return list;
    }

    private static string SourceTable() => Path.Combine(BenchPaths.Root, "data", "sources", "reliability.tsv");
}
