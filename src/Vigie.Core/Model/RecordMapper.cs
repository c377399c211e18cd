namespace Vigie.Model;

/// <summary>Turns a processed Document into the JSONL record of the output format.</summary>
public static class RecordMapper
{
    public static DocumentRecord ToRecord(Document doc)
    {
        var result = doc.Layers.GetOne<ExtractionResult>();
        return new DocumentRecord
        {
            Id = doc.Id,
            Lang = doc.Language,
            Date = doc.Published?.ToString(),
            DateResolved = result?.DateResolved,
            Title = doc.Title,
            Url = doc.Url,
            Source = doc.SourceOutlet,
            Text = doc.Text,
            Events = result?.Events ?? [],
            CasualtyReports = result?.CasualtyReports ?? [],
        };
    }

    public static Document FromRecord(DocumentRecord r, Origin origin)
    {
        var doc = new Document(r.Id, r.Text)
        {
            Language = r.Lang,
            Url = r.Url,
            Title = r.Title,
            SourceOutlet = r.Source,
            Origin = origin,
        };
        if (PartialDate.TryParse(r.Date, out var d)) doc.Published = d;
        return doc;
    }
}
