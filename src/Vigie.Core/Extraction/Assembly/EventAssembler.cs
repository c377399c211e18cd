using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Text;

namespace Vigie.Extraction.Assembly;

/// <summary>
/// Builds events from trigger mentions: one event per (type, place, day). A trigger takes the places of
/// its clause (a list of places gives one event each), the nearest time expression (else the previous
/// sentence's, else the publication date), the actors around it, the sources of its sentence and the
/// modality cues covering it. Events of the same type, place and day are merged; an event whose place is
/// only a region or country joins a precise event of the same type. Fatalities come from event-scope
/// figures read in the event's sentences, never from period or conflict totals.
/// </summary>
public sealed class EventAssembler : IComponent
{
    public string Name => "events";
    public IReadOnlyList<Type> Requires => [.. DocView.Layers, typeof(FigureMention), typeof(CountryMention)];
    /// <summary>The geocoder's context (absent when the pipeline has no geocoding) and the audit's <see cref="EventGates"/>, which it fills when the caller put one there.</summary>
    public IReadOnlyList<Type> MayRead => [typeof(Vigie.Geo.GeoContext), typeof(EventGates)];
    public IReadOnlyList<Type> Assigns => [typeof(ExtractionResult)];

    private const double SameAreaKm = 25.0;

    /// <summary>How far from its point a second-level division named after a comma may hold the town before it ("in Las Navas,
    /// Northern Samar": 41 km), when no division word names it.</summary>
    private const double DivisionReachKm = 100.0;
    internal const string FigureRule = "figure";
    internal const string DoerRule = "figure+doer";
    /// <summary>Sentences at the top of an article (heading, dateline, lede) that may tell an event without a time.</summary>
    private const int LedeSentences = 4;

    internal sealed class Draft
    {
        /// <summary>The last <see cref="PlaceKey"/> made for the draft, and the place name and id it was made from.</summary>
        public string? Key, KeyName;
        public long? KeyId;
        public bool KeyOfNoPlace;
        public EventSubtype Subtype;
        public EventType Type => Taxonomy.TypeOf(Subtype);
        /// <summary>Folded names of the places its sentence locates its own place from ("au village Matchika, situé à 20 kilomètres de
        /// Bambari" gives "bambari").</summary>
        public HashSet<string> Landmarks { get; } = new(StringComparer.Ordinal);
        /// <summary>Its place is a civilian building named by its own name or its place word ("the Imam Zaman Mosque").</summary>
        public bool Building;
        public PlaceMention? Place;
        public Location? Location;
        public bool Vague;
        public bool MultiPlace;
        public DateRange? Date;
        public TextSpan? DateSpan;
        public Actor? Actor1, Actor2;
        public TextSpan? Actor1Span, Actor2Span;
        public List<string?> Sources = [];
        public List<bool> SourcePartisan = [];
        public List<TextSpan> SourceSpans = [];
        public Modality Modality = Modality.Asserted;
        public TextSpan? ModalitySpan;
        public bool Optional;
        public HashSet<int> Sentences = [];
        public List<TextSpan> Evidence = [];
        public List<TextSpan> TypeEvidence = [];
        public bool Hedged;
        /// <summary>Told only with an umbrella word ("attaque"): joins a more specific event of the same place and day.</summary>
        public bool Generic;
        /// <summary>Denied by a negation ("aucune attaque à X"): marks the event told elsewhere, and may give its place.</summary>
        public bool Negated;
        /// <summary>"du bombardement" with no time or place of its own: the last event of the type.</summary>
        public bool Anaphoric;
        /// <summary>The only outcome its sentence tells is people fleeing ("les habitants ont fui à la suite de l'attaque").</summary>
        public bool OnlyDisplaced;
        /// <summary>The event word follows a definite or demonstrative determiner ("the attack", "cette embuscade"), whatever its place.</summary>
        public bool Definite;
        /// <summary>"L'attaque s'est déroulée dans la région de X", "the attack took place in X": a definite event word with a verb of
        /// taking place says where the event told before happened.</summary>
        public bool Restates;
        /// <summary>The event word is a noun after a determiner, "of" or a possessive ("the massacre", "threats of a suicide attack"):
        /// the news told by a verb of its own ("they shelled", "police dispersed") it is not.</summary>
        public bool NounUse;
        /// <summary>Another event word of the same type in the sentence tells the event too ("gathered to protest … staging a sit-in").</summary>
        public bool Corroborated;
        /// <summary>The sentence counts the people the event hit (a toll of its own).</summary>
        public bool PeopleHit;
        /// <summary>Optional only because it happened more than a week before the publication day.</summary>
        public bool OnlyOld;
        /// <summary>The place is named as an administrative division ("the county of Wajir").</summary>
        public bool Division;
        /// <summary>No time, no toll, not in the opening sentences, or hedged: never an event by itself.</summary>
        public bool Weak;
        /// <summary>Told as repeated ("frappent parfois la capitale"): it joins an event but gives it no place.</summary>
        public bool Habitual;
        public bool OwnPlace;
        public bool OwnTime;
        /// <summary>Read from a toll at a place, with no event word: joins an event told at that same place.</summary>
        public bool FigureBased;
        /// <summary>An umbrella word ("l'attaque") whose sentence says nothing of its target or its doers: its subtype is a default.</summary>
        public bool DefaultSubtype;
        /// <summary>Subtypes of the merged mentions that were hedged.</summary>
        public HashSet<EventSubtype> HedgedSubtypes = [];
        public HashSet<EventSubtype> AllSubtypes = [];
        /// <summary>How the subtype was chosen (<see cref="SubtypeDecision"/>); merges add to it.</summary>
        public SubtypeChoice Choice = new();
        /// <summary>What the choice was made from, for the sentence stage (<see cref="SubtypeDecision.Settle"/>); null for a merged copy.</summary>
        public SubtypeFacts? Facts;
        /// <summary>An armed clash told as following a suicide bombing of its sentence: ACLED codes both events.</summary>
        public bool AfterSuicideBomb;
        /// <summary>Told in a sentence that opens on a word of another incident ("Séparément, …", "Elsewhere, …"): no umbrella
        /// word of it is an event of another type told before.</summary>
        public bool Separate;
    }

    public void Process(Document doc)
    {
        var v = DocView.Of(doc);
        var figures = doc.Layers.Get<FigureMention>();
        var figuresBySentence = new List<FigureMention>[v.Sentences.Count];
        for (var i = 0; i < figuresBySentence.Length; i++) figuresBySentence[i] = [];
        foreach (var f in figures)
        {
            figuresBySentence[f.Sentence].Add(f);
            foreach (var e in f.Figure.Evidence ?? [])
                if (v.SentenceAt(e.Start) is var s2 and >= 0 && s2 != f.Sentence && !figuresBySentence[s2].Contains(f)) figuresBySentence[s2].Add(f);
        }
        var sides = Sides.Of(v);
        var gates = doc.Layers.GetOne<EventGates>();
        var drafts = new List<Draft>();
        List<PlaceMention>? lastPlaces = null;
        var lastPlaceSentence = -10;
        for (var s = 0; s < v.Sentences.Count; s++)
        {
            // links to other articles ("→ À LIRE AUSSI : …" and the headlines under it) tell no event of this one, nor its places
            if (v.IsLinks(s)) continue;
            var groups = PlaceGroups(v, s);
            // a sentence with no event word and no figure makes no draft: only the places it names count, for the next sentences
            if (v.Triggers[s].Count == 0 && figuresBySentence[s].Count == 0)
            {
                if (PlacesCarry(v, s, groups)) { lastPlaces = groups[0]; lastPlaceSentence = s; }
                continue;
            }
            // "a car bomb attack": the umbrella word next to a specific one is the same mention
            // …and a word of a date ("March 9, 2023") is no event word (a day inside the event word's phrase is not its word:
            // "sont entrés dimanche dans")
            var triggers = v.Triggers[s].Where(t => !IsUmbrellaBeside(v, s, t)
                && !v.Times[s].Any(tm => tm.Span.Overlaps(t.Span) && !(t.Span.Start < tm.Span.Start && tm.Span.End < t.Span.End))).ToList();
            var claimed = ClaimGroups(groups, triggers, v.Text);
            var used = new HashSet<List<PlaceMention>>();
            TriggerMention? violent = null;
            foreach (var t in triggers)
            {
                var places = claimed.GetValueOrDefault(t);
                if (places != null && Taxonomy.TypeOf(t.Subtype) != EventType.StrategicDevelopments) used.Add(places);
                var carried = false;
                var raid = false;
                var namedLater = -1;
                // "ont tué dix personnes lors d'un raid sur un village dans le nord-ouest du pays … Au village de Kyi Su, …": a lede event
                // told at a settlement it does not name, with no town of its own, happened at the first settlement of that kind named later
                if (s < LedeSentences && Taxonomy.TypeOf(t.Subtype) != EventType.StrategicDevelopments
                    && (places == null || places.All(p => p.Relation == PlaceRelation.Region || IsDivision(v, p) || p.Feature == PlaceMention.OwnCountryFeature))
                    && UnnamedSettlement(v, s, t) is { } kind && NamedSettlement(v, s, kind) is { } named) { places = [named]; namedLater = v.SentenceAt(named.Span.Start); }
                // "ont attaqué trois postes dans la région du Nord-Ouest. Il s'agit des localités de A, B et C": towns listed
                // by the next sentence, which tells no event of its own, are where an event told for an area happened
                if (places != null && places.All(p => p.Relation == PlaceRelation.Region || IsDivision(v, p)) && Taxonomy.TypeOf(t.Subtype) != EventType.StrategicDevelopments
                    && NextSentencePlaces(v, s) is { } next) places = next;
                // (not when the sentence names its own places by a group they share: "in Kuki-Zo majority areas")
                else if (places == null && groups.Count == 0 && lastPlaces != null && s - lastPlaceSentence <= 2 && !v.Places[s].Any(p => QualifiesPlaces(v, p)))
                { places = lastPlaces; carried = true; }
                // "un manifestant a été tué à A par des individus qui ont ouvert le feu sur la foule": the one place of the
                // sentence, taken by the protest, is also where the event of another type happened
                // (so is a weapon seized or a person arrested in the operation, told before the place: "seized a cache … during a raid
                // in Balochistan")
                else if (places == null && groups.Count == 1
                         && (Taxonomy.TypeOf(t.Subtype) != EventType.StrategicDevelopments
                             || (t.Subtype is EventSubtype.DisruptedWeaponsUse or EventSubtype.Arrests && groups[0][0].Span.Start >= t.Span.End)
                             // (and so are animals taken in the attack, a raid of its own: "ont attaqué les villages de A et de B lundi
                             // et volé plusieurs troupeaux")
                             || (raid = t.Subtype == EventSubtype.LootingPropertyDestruction && WordOfRoleBetween(v, "cattle", t.Span.Start, t.Span.End)))
                         && (!claimed.Any(c => c.Value == groups[0] && Taxonomy.TypeOf(c.Key.Subtype) == Taxonomy.TypeOf(t.Subtype))
                             // ("the killings in Gida on Aug. 18 were followed by a revenge attack the next day": an event word of the
                             // same type with a day of its own, told after the first's, is another event at the sentence's place)
                             || OwnLaterDay(v, s, t, claimed.First(c => c.Value == groups[0]).Key))) places = groups[0];
                else raid = false;
                if (NoConflict(v, s, t)) { gates?.Add(t.Span, "an accident, a disaster or an ordinary crime"); continue; }
                var before = drafts.Count;
                FromTrigger(drafts, v, s, t, places, carried, figuresBySentence[s], sides, namedLater);
                if (gates != null && drafts.Count == before) gates.Add(t.Span, "development not dated and placed in its sentence");
                // the raiders and their victims are those of the attack the animals were taken in
                if (raid)
                    for (var k = before; k < drafts.Count; k++)
                        if (drafts.Take(before).LastOrDefault(d => d.Sentences.Contains(s) && d.Type is EventType.ViolenceAgainstCivilians or EventType.Battles
                                                                  && d.Place == drafts[k].Place) is { } attack)
                        {
                            if (drafts[k].Actor1 == null) (drafts[k].Actor1, drafts[k].Actor1Span) = (attack.Actor1, attack.Actor1Span);
                            if (drafts[k].Actor2 == null) (drafts[k].Actor2, drafts[k].Actor2Span) = (attack.Actor2, attack.Actor2Span);
                        }
                if (violent == null && Taxonomy.TypeOf(t.Subtype) is not EventType.StrategicDevelopments) violent = t;
            }
            // a killing told without its own event word at a place no trigger took: "un autre (soldat tué) près de B"
            var seen = new HashSet<(long, VictimGroup, string?)>();
            // "the collapse of a school building …, killing 22 pupils": a toll of an accident or a disaster is no event of violence
            var mishap = figuresBySentence[s].Count > 0 && violent == null && Mishap(v, s);
            // "One of the wounded soldiers died at a hospital in Zamboanga City on Monday": a death from the wounds of an event told
            // before is no event at the place where the person died
            mishap |= violent == null && v.Has(s, CueKind.LaterDeath);
            // the sentence lists tolls at several places, after an attack told before ("seven people were killed in A; four in B")
            var placedTolls = figuresBySentence[s].Count >= 2 && drafts.Any(d => d.Type is EventType.ViolenceAgainstCivilians or EventType.Battles && !d.FigureBased)
                              && figuresBySentence[s].Where(g => g.Sentence == s && g.Area != null && g.Figure.Outcome == Outcome.Killed).Select(g => g.Area!.Name).Distinct().Count() >= 2;
            foreach (var f in figuresBySentence[s])
            {
                if (mishap) break;
                if (!seen.Add((f.Figure.Count, f.Figure.Group, f.Area?.Name))) continue;
                // people of no stated side count when an armed group named before them did the killing ("Gunmen killed 12 people in …")
                // (and civilians killed by an armed group named before them, on a day the sentence gives, are the news too: "Des bandits
                // armés ont tué dimanche 18 villageois"; a headline's toll with no day stays a toll that joins the lede's event)
                // (a state's forces too when they are the subject of the killing verb itself: "Des soldats ont tué mardi douze personnes")
                // (or after it, as the agent of the passive: "quatre personnes ont été tuées mardi par des individus armés")
                var doer = v.Actors[s].Any(a => a.Span.End <= f.NumberSpan.Start
                    && (a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia
                        || (a.Kind is ActorKind.StateForces or ActorKind.ExternalForces && ActiveVerbAfter(v, s, a.Span.End, f.NumberSpan.End, v.Words))))
                    || v.Actors[s].Any(a => a.Span.Start >= f.NumberSpan.End && (a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia
                                                // (a state's forces too, of people the text does not make fighters: "Deux Palestiniens ont été
                                                // tués par des tirs de soldats israéliens")
                                                || a.Kind is ActorKind.StateForces or ActorKind.ExternalForces && f.Figure.Group is VictimGroup.All or VictimGroup.Civilians)
                                            && PassiveAgent(v, s, f.NumberSpan.End, a));
                var armedDoer = doer && (f.Figure.Group == VictimGroup.All
                    // (with no publication day, "dimanche" is that day though it cannot be dated; a text that tells no time at all, a
                    // snippet, has no other news for the toll to join)
                    || (f.Figure.Group == VictimGroup.Civilians && (v.Times[s].Any(t => (t.Range != null || (v.PublicationDate == null && t.Kind != TimeKind.ConflictStart))
                                                                                       && !t.Dateline && !IsReportTime(v, t))
                                                                    || v.Times.All(ts => ts.Count == 0))));
                // (fighters of one side killed by the other, named as the subject of the killing verb, are the news as well: "ses
                // forces ont tué plus de 85 combattants du groupe")
                armedDoer |= f.Figure.Group is VictimGroup.NonStateArmed or VictimGroup.GovernmentForces
                             && v.Actors[s].Any(a => a.Span.End <= f.NumberSpan.Start && a.Kind is ActorKind.StateForces or ActorKind.ExternalForces or ActorKind.RebelGroup
                                                     && ActiveVerbAfter(v, s, a.Span.End, f.NumberSpan.End, v.Words));
                // (people of no stated side too when the sentence lists tolls at several places of an attack told before: "seven
                // people were killed in A; four in B; eight in C")
                var tollList = f.Figure.Group == VictimGroup.All && placedTolls;
                if (f.Scope != ReportScope.Event || f.Figure.Outcome != Outcome.Killed || groups.Count == 0 || (f.Figure.Group == VictimGroup.All && !armedDoer && !tollList)) continue;
                var span = f.Sentence == s ? f.NumberSpan : (f.Figure.Evidence ?? []).Concat(f.MoreEvidence).FirstOrDefault(e => v.Sentences[s].Span.Contains(e));
                if (span.Length == 0) continue;
                var free = groups.Where(g => !InSource(v, s, g[0].Span)).ToList();
                if (free.Count == 0) continue;
                var places = PickGroup(free, span)!;
                if (used.Contains(places)) continue;
                // "ont attaqué lundi le camp d'Abou Chouk, tuant plus de 40 civils, alors qu'ils avancent vers El-Facher": a toll told
                // after the event word of its sentence, which took its place, is that event's, not a killing at a place told after it
                // (not a toll coordinated after it, which tells another place's: "deux … tués dans des combats près de A, et un autre
                // près de B")
                if (violent != null && !tollList && violent.Span.End <= span.Start && places[0].Span.Start > span.End && claimed.ContainsKey(violent)
                    && !WordOfRoleBetween(v, "coordinator", violent.Span.End, span.Start)) continue;
                used.Add(places);
                var sub = violent?.Subtype ?? (f.Figure.Group is VictimGroup.Civilians or VictimGroup.All ? EventSubtype.Attack : EventSubtype.ArmedClash);
                // "Des avions de la coalition ont tué 12 jihadistes", "five militants were killed by Afghan Air Force jets": aircraft as
                // the doer of a killing told by no event word make it an air strike
                if (violent == null && AircraftDoer(v, s, f.NumberSpan) is { } aircraft) { sub = EventSubtype.AirDroneStrike; span = TextSpan.Cover(span, aircraft); }
                // a killing with its armed doer named is an event of its own, not only a toll that joins one
                var pseudo = new TriggerMention(span, sub) { Rule = armedDoer && violent == null ? DoerRule : FigureRule };
                var made = drafts.Count;
                FromTrigger(drafts, v, s, pseudo, places, false, figuresBySentence[s], sides);
                // a toll of the list with no time of its own happened on the day of the attack it details
                if (tollList && !armedDoer && drafts.LastOrDefault(d => d.Type is EventType.ViolenceAgainstCivilians or EventType.Battles && !d.FigureBased && d.Sentences.Max() < s) is { } told)
                    for (var k = made; k < drafts.Count; k++)
                        if (!drafts[k].OwnTime) (drafts[k].Date, drafts[k].DateSpan, drafts[k].Actor1, drafts[k].Actor1Span) = (told.Date, told.DateSpan, drafts[k].Actor1 ?? told.Actor1, drafts[k].Actor1Span);
            }
            if (PlacesCarry(v, s, groups)) { lastPlaces = groups[0]; lastPlaceSentence = s; }
        }
        // an event placed at the document's main country has that country's mentions as its location evidence
        var countryPoint = doc.Layers.GetOne<Vigie.Geo.GeoContext>()?.MainCountryPoint;
        if (countryPoint != null)
            countryPoint = new Location
            {
                Name = countryPoint.Name, Country = countryPoint.Country, Lat = countryPoint.Lat, Lon = countryPoint.Lon, Precision = countryPoint.Precision,
                Evidence = doc.Layers.Get<CountryMention>().Where(c => string.Equals(c.Iso2, countryPoint.Country, StringComparison.OrdinalIgnoreCase)).Select(c => c.Span).ToList(),
            };
        // "HONG KONG: police fired tear gas Sunday": a dateline town of the document's country (or of no country the text
        // names), when the text names no other place than countries, is where the events it tells without a place happened
        var allPlaces = doc.Layers.Get<PlaceMention>();
        var dateline = allPlaces.FirstOrDefault(p => p.Feature == PlaceMention.DatelineFeature && p.Resolved is { Lat: not null, Precision: 1 } r
                                                     && (countryPoint == null || r.Country == countryPoint.Country));
        if (dateline != null && allPlaces.All(p => p == dateline || p.Feature == "country" || p.Resolved?.Name == dateline.Resolved!.Name))
            countryPoint = new Location
            {
                Name = dateline.Resolved!.Name, Country = dateline.Resolved.Country, Admin1 = dateline.Resolved.Admin1, Lat = dateline.Resolved.Lat,
                Lon = dateline.Resolved.Lon, GeonamesId = dateline.Resolved.GeonamesId, Precision = 1, Evidence = [dateline.Span],
            };
        PlaceByRestatement(v, drafts);
        foreach (var d in drafts)
            if (d.Sentences.Count > 0 && OpensOnAnotherIncident(v, d.Sentences.Min())) d.Separate = true;
        var events = MergeDrafts(drafts, countryPoint, undated: v.PublicationDate == null);
        // "Des milliers de manifestants ont défilé jeudi à Khartoum … La marche s'est soldée par de nouveaux heurts violents": a
        // peaceful protest and a violent demonstration at one place on one day are one protest that turned violent (ACLED codes
        // the violent demonstration)
        foreach (var riot in events.Where(e => e.Draft.Subtype == EventSubtype.ViolentDemonstration).ToList())
            foreach (var calm in events.Where(e => e.Draft.Subtype == EventSubtype.PeacefulProtest && e.Draft.Location != null
                                                   && PlaceKey(e.Draft) == PlaceKey(riot.Draft) && SameDay(e.Draft.Date, riot.Draft.Date)).ToList())
            {
                Absorb(riot.Draft, calm.Draft, keepType: true);
                events.Remove(calm);
            }
        // "une attaque … dans l'est de la Colombie" beside the attack the text places at a town or a province: an event known only
        // by its country, when the text places another of its type more finely, adds no event of its own (measured on the gold
        // and unseen sets: four such events, none of them in a gold file)
        events.RemoveAll(e => IsCountryLevel(e.Draft.Location)
                              && events.Any(x => x != e && x.Draft.Type == e.Draft.Type && x.Draft.Location is { } xl && !IsCountryLevel(xl)
                                                 && xl.Country == e.Draft.Location!.Country));
        // "On June 29, M23 seized the strategic town of Kanyabayonga": a text whose every event is older than its publication, and
        // whose opening sentence tells one of them only as old, is about that event: it is its news, not its background
        // (dated by the sentence itself, not by a distance from the event: "five years after the army recaptured Mosul")
        if (events.Count > 0 && events.All(e => e.Draft.Optional) && events.FirstOrDefault(e => e.Draft.Sentences.Min() == 0) is { Draft.OnlyOld: true } lede
            && lede.Draft is { DateSpan: { } ds } && !v.Words.Is("time_anchor", v.Tokens[v.LastTokenBefore(ds.End)].Folded))
            lede.Draft.Optional = false;
        if (gates != null)
            foreach (var d in drafts.Where(d => !d.FigureBased)) gates.Add(d.TypeEvidence[0], GateOf(v, d));
        // "mobs from the majority community burned shops and homes": a crowd's violence in a text that tells no demonstration is
        // mob violence (ACLED: rioters not demonstrating), when the crowd is named as a mob (context set mob)
        if (events.Any(d => d.Draft.Subtype == EventSubtype.ViolentDemonstration)
            && !drafts.Any(d => d.Type == EventType.Protests) && !v.Triggers.Any(ts => ts.Any(t => Taxonomy.TypeOf(t.Subtype) == EventType.Protests)))
            foreach (var d in events.Where(d => d.Draft.Subtype == EventSubtype.ViolentDemonstration))
                if (d.Draft.Sentences.Select(s => ContextIn(v, "mob", v.Sentences[s].FirstToken, v.Sentences[s].EndToken)).FirstOrDefault(m => m != null) is { } mob)
                {
                    d.Draft.Choice.Propose(EventSubtype.MobViolence, SubtypeDecision.MobArson, SubtypeDecision.NeighbourWeight + 2, [.. d.Draft.TypeEvidence, mob]);
                    d.Draft.Subtype = d.Draft.Choice.Winner;
                }
        // "des hommes armés … ont attaqué les villages … et volé plusieurs troupeaux": unidentified armed men in a text whose violent
        // events take animals are cattle raiders, a communal militia (ACLED's identity militia), not a political one
        // (in a text that speaks of communities or ethnic groups: "violences inter-ethniques"; bandits who steal cattle elsewhere
        // are no communal militia)
        if (CattleRaid(v) && WordOfRoleBetween(v, "ethnic", 0, v.Text.Length))
            foreach (var d in events)
                foreach (var slot in new[] { 1, 2 })
                    if ((slot == 1 ? d.Draft.Actor1 : d.Draft.Actor2) is { Kind: ActorKind.PoliticalMilitia } a && Sides.Unnamed(a))
                    {
                        var country = a.Country ?? d.Draft.Location?.Country;
                        var communal = new Actor
                        {
                            Name = "Communal militia" + (country != null ? " (" + Finders.Countries.Lexicon.For(Vigie.Lexicons.Languages.ActorNames).NameOf(country) + ")" : ""),
                            Kind = ActorKind.IdentityMilitia, Country = country,
                        };
                        if (slot == 1) d.Draft.Actor1 = communal; else d.Draft.Actor2 = communal;
                    }
        var names = new FoldedNames();
        foreach (var d in events)
        {
            d.Fatalities = FatalitiesOf(v, d, figuresBySentence, figures, names, events);
            // "les affrontements ont laissé trois personnes sans vie" at a protest the forces dispersed: force that killed
            // at a protest is excessive force against the protesters (ACLED), the forces acting on the crowd
            if (d.Draft.Subtype == EventSubtype.ProtestWithIntervention && d.Fatalities > 0)
            {
                d.Draft.Choice.Propose(EventSubtype.ExcessiveForceAgainstProtesters, SubtypeDecision.ForceOnProtesters, SubtypeDecision.ForceWeight + 40,
                    [.. d.Draft.TypeEvidence, .. d.FatalitySpans ?? []]);
                d.Draft.Subtype = d.Draft.Choice.Winner;
            }
        }
        MergeHeadline(v, events);
        var result = v.Result;
        result.Events.Clear();
        result.SubtypeChoices.Clear();
        foreach (var d in events)
        {
            result.Events.Add(ToEvent(d.Draft, d.Fatalities, d.FatalitySpans));
            result.SubtypeChoices.Add(d.Draft.Choice);
        }
    }

    /// <summary>
    /// "12 people killed as soldiers clash with Abu Sayyaf group in Sulu" over "At least 12 people were killed … at a remote village in
    /// Patikul town in Sulu": a heading's event (the text's first line, in title case or without a full stop) with the type, the
    /// country and the toll of an event of the opening sentences at another place is that event, told at a coarser place (the
    /// gazetteer may read the coarser name as a town, so the merge of a province's event into its town's cannot see it).
    /// </summary>
    private static void MergeHeadline(DocView v, List<Assembled> events)
    {
        if (v.Sentences.Count < 2 || !IsHeading(v, 0)) return;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            var h = events[i];
            if (h.Fatalities is not { } toll || h.Draft.Optional || h.Draft.Sentences.Min() != 0 || h.Draft.Location?.Country is not { } country) continue;
            var lede = events.FirstOrDefault(x => x != h && !x.Draft.Optional && x.Fatalities == toll && x.Draft.Type == h.Draft.Type
                                                  && x.Draft.Sentences.Min() is > 0 and < LedeSentences && x.Draft.Location?.Country == country
                                                  && PlaceKey(x.Draft) != PlaceKey(h.Draft));
            if (lede == null) continue;
            Absorb(lede.Draft, h.Draft, keepType: true);
            events.RemoveAt(i);
        }
    }

    /// <summary>The sentence is a heading: in title case, or a line of its own that ends as no prose does (<see cref="DocView.EndsAsProse"/>).</summary>
    private static bool IsHeading(DocView v, int s) =>
        v.IsTitleCase(s) || (s + 1 >= v.Sentences.Count || v.Paragraph[s + 1] != v.Paragraph[s]) && !v.EndsAsProse(s) && v.Sentences[s].Span.Of(v.Text).TrimEnd().Length > 0;

    // ---- places ---------------------------------------------------------------------------

    /// <summary>Whether the first places of sentence <paramref name="s"/> are where the next sentences' events happen when they
    /// name none: datelines, captions and headings are not.</summary>
    private static bool PlacesCarry(DocView v, int s, List<List<PlaceMention>> groups) =>
        groups.Count > 0 && WordCount(v, s) >= 6 && !v.IsCaption(s);

    /// <summary>"BAMAKO:", "LAGOS, 26 mai (Xinhua) --", "Mogadiscio (AFP)", "Somalie : …": where the story was filed or a heading's topic, not where it happened.</summary>
    internal static bool IsDateline(DocView v, PlaceMention p)
    {
        var text = v.Text;
        var i = p.Span.Start - 1;
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        if (i >= 0 && text[i] != '\n') return false;
        var j = p.Span.End;
        while (j < text.Length && text[j] == ' ') j++;
        if (j >= text.Length) return false;
        var upper = true;
        for (var k = p.Span.Start; k < p.Span.End && upper; k++) upper = !char.IsLower(text[k]);
        return upper || text[j] is ':' or '(' or '-' or '\u2013' or '\u2014' || (text[j] == ',' && j + 2 < text.Length && (char.IsDigit(text[j + 2]) || text[j + 2] == '('));
    }

    private static bool IsUmbrellaBeside(DocView v, int s, TriggerMention t)
    {
        var first = v.TokenAt(t.Span.Start);
        // "Russian shelling killed three civilians", "an airstrike killed five villagers": the killing is what the strike did
        if (t.Subtype == EventSubtype.Attack && v.Triggers[s].Any(o => o != t && o.Span.End <= t.Span.Start
                && Taxonomy.TypeOf(o.Subtype) == EventType.ExplosionsRemoteViolence && first - v.LastTokenBefore(o.Span.End) - 1 is >= 0 and <= 1))
            return true;
        if (v.Cues.Match(v.Tokens, first, v.Sentences[s].EndToken, CueKind.GenericAttack) == null) return false;
        foreach (var o in v.Triggers[s])
        {
            if (o == t || Taxonomy.TypeOf(o.Subtype) is EventType.StrategicDevelopments) continue;
            if (v.Cues.Match(v.Tokens, v.TokenAt(o.Span.Start), v.Sentences[s].EndToken, CueKind.GenericAttack) != null) continue;
            var gap = o.Span.End <= t.Span.Start ? first - v.LastTokenBefore(o.Span.End) - 1 : v.TokenAt(o.Span.Start) - v.LastTokenBefore(t.Span.End) - 1;
            if (gap is >= 0 and <= 2) return true;
        }
        return false;
    }

    /// <summary>Words after an event word within which a settlement it names without a name is its target ("un raid sur un village").</summary>
    private const int UnnamedSettlementReach = 2;

    /// <summary>The folded kind of a settlement named with an indefinite article right after the event word ("un raid sur un
    /// village", "an air strike on a village"), or null.</summary>
    private static string? UnnamedSettlement(DocView v, int s, TriggerMention t)
    {
        var sent = v.Sentences[s];
        var from = v.TokenAt(t.Span.End - 1) + 1;
        for (var i = from; i + 1 < sent.EndToken && i < from + UnnamedSettlementReach; i++)
            if (v.Words.Is("indefinite", v.Tokens[i].Folded) && v.Words.Is("settlement_noun", v.Tokens[i + 1].Folded)) return v.Tokens[i + 1].Folded;
        return null;
    }

    /// <summary>Sentences from the one naming a settlement within which the days they give tell when what happened there happened
    /// ("Au village de Kyi Su, … Un habitant a déclaré que des soldats sont arrivés le 18 juillet").</summary>
    private const int LaterDaysReach = 3;

    /// <summary>The days the sentences from <paramref name="from"/> on give (not report days, datelines or background), first
    /// to last, within <see cref="LaterDaysReach"/> sentences; null when they give none.</summary>
    private static (DateRange, TextSpan)? DaysToldLater(DocView v, int from)
    {
        DateRange? range = null;
        TextSpan? span = null;
        var pub = v.PublicationDate;
        for (var k = from; k < v.Sentences.Count && k < from + LaterDaysReach; k++)
            foreach (var tm in v.Times[k])
            {
                if (tm.Range is not { } r || r.Start.Precision != DatePrecision.Day || tm.Dateline || tm.Background || tm.Kind == TimeKind.ConflictStart
                    || IsReportTime(v, tm) || (pub is { } p && r.Start.First > p.Last)) continue;
                span ??= tm.Span;
                range = range == null ? r : new DateRange(r.Start.First < range.Start.First ? r.Start : range.Start, r.End.Last > range.End.Last ? r.End : range.End);
            }
        return range != null ? (range, span!.Value) : null;
    }

    /// <summary>The first place after sentence <paramref name="s"/> named with that settlement kind ("le village de Kyi Su", "Nyaung Kone village").</summary>
    private static PlaceMention? NamedSettlement(DocView v, int s, string kind)
    {
        for (var k = s + 1; k < v.Sentences.Count; k++)
            foreach (var p in v.Places[k])
                if ((p.Feature == kind || SingularOf(p.Feature) == SingularOf(kind)) && !IsDateline(v, p) && p.Resolved?.Precision is null or 1) return p;
        return null;
    }

    /// <summary>Tokens after an event word within which a time expression is its own ("a revenge attack the next day").</summary>
    private const int OwnDayReach = 3;

    /// <summary>A relative time expression right after event word <paramref name="t"/> (within <see cref="OwnDayReach"/> tokens), and another
    /// between <paramref name="first"/>, an earlier event word of the sentence, and <paramref name="t"/>: <paramref name="t"/> has a
    /// day of its own.</summary>
    private static bool OwnLaterDay(DocView v, int s, TriggerMention t, TriggerMention first)
    {
        if (first.Span.Start >= t.Span.Start) return false;
        var after = v.TokenAt(t.Span.End - 1) + 1;
        // (a day told relative to the one before, "the next day", "le lendemain", not a date of its own: "suivie d'une attaque le 9
        // juin" may be anywhere)
        return v.Times[s].Any(tm => tm.Span.Start >= t.Span.End && v.TokenAt(tm.Span.Start) - after <= OwnDayReach && !tm.Dateline
                                    && !v.Text.AsSpan(tm.Span.Start, tm.Span.Length).ContainsAnyInRange('0', '9'))
               && v.Times[s].Any(tm => tm.Span.Start >= first.Span.End && tm.Span.End <= t.Span.Start && !tm.Dateline);
    }

    /// <summary>"villages" → "village", "hameaux" → "hameau": a settlement noun without its plural ending.</summary>
    private static string? SingularOf(string? noun) =>
        noun is { Length: > 3 } n && EndsAsPlural(n) ? n[..^1] : noun;

    /// <summary>A French or English plural's ending ("attaques", "raids", "feux").</summary>
    internal static bool EndsAsPlural(string folded) => folded.EndsWith('s') || folded.EndsWith('x');

    /// <summary>The towns of the next sentence (one list, at least one of them a town the gazetteer knows or named with a feature word: "les localités de A, B et C") when it tells no event and no time of its own, else null.</summary>
    private static List<PlaceMention>? NextSentencePlaces(DocView v, int s)
    {
        var n = s + 1;
        if (n >= v.Sentences.Count || v.Triggers[n].Count > 0 || v.IsCaption(n)) return null;
        if (v.Times[n].Count > 0) return null;
        var towns = PlaceGroups(v, n).Where(g => !InSource(v, n, g[0].Span) && g.All(p => !IsVague(p) && p.Relation == PlaceRelation.In)
            && g.Any(p => p.Resolved is { Lat: not null, Precision: 1 } || (p.Feature is { } f && !IsArea(f) && !DivisionWords.Value.Contains(f)))).ToList();
        return towns.Count == 1 ? towns[0] : null;
    }

    /// <summary>
    /// The words are part of an attribution, or the place right after its source's words where the source is ("d'autres sources
    /// médicales à Aden et Mokha", "hospital sources in Aden": function role <c>source_place</c> between), not where the event is.
    /// </summary>
    private static bool InSource(DocView v, int s, TextSpan span) =>
        v.Sources[s].Any(sm => (sm.Full.Length > 0 ? TextSpan.Cover(sm.Full, sm.Span) : sm.Span) is var whole
                               && (whole.Contains(span) || span.Start > whole.End && v.TokenAt(span.Start) - v.TokenAt(whole.End - 1) == 2
                                   && v.Words.Role("source_place").Contains(v.Tokens[v.TokenAt(whole.End - 1) + 1].Folded)));

    private static int WordCount(DocView v, int s)
    {
        var n = 0;
        var sent = v.Sentences[s];
        for (var i = sent.FirstToken; i < sent.EndToken; i++) if (v.Tokens[i].Kind == TokenKind.Word) n++;
        return n;
    }

    /// <summary>
    /// Each place list of a sentence goes to its nearest trigger (a trigger before the places is preferred:
    /// "frappes sur A et B"); a trigger takes the nearest of the lists it won. A lone trigger takes the best list.
    /// </summary>
    private static Dictionary<TriggerMention, List<PlaceMention>> ClaimGroups(List<List<PlaceMention>> groups, List<TriggerMention> triggers, string text)
    {
        var claimed = new Dictionary<TriggerMention, List<PlaceMention>>();
        if (groups.Count == 0 || triggers.Count == 0) return claimed;
        if (triggers.Count == 1)
        {
            if (PickGroup(groups, triggers[0].Span) is { } g) claimed[triggers[0]] = g;
            return claimed;
        }
        var best = new Dictionary<TriggerMention, (List<PlaceMention> G, int D)>();
        foreach (var g in groups)
        {
            TriggerMention? near = null;
            var nd = int.MaxValue;
            foreach (var t in triggers)
            {
                var d = Gap(t.Span, g, text);
                if (d < nd) { nd = d; near = t; }
            }
            if (near != null && (!best.TryGetValue(near, out var cur) || nd < cur.D)) best[near] = (g, nd);
        }
        foreach (var (t, (g, _)) in best) claimed[t] = g;
        return claimed;
    }

    private static int Gap(TextSpan trigger, List<PlaceMention> g, string text)
    {
        if (g[0].Span.Start >= trigger.End) return g[0].Span.Start - trigger.End;
        // places before the event word, across a comma, belong to the clause before
        var between = text.AsSpan(g[^1].Span.End, Math.Max(0, trigger.Start - g[^1].Span.End));
        return (between.Contains(',') ? 8 : 2) * between.Length;
    }

    /// <summary>The places of a sentence grouped into lists ("Hajar al-Aswad, Qadam et Yarmouk" is one group).</summary>
    internal static List<List<PlaceMention>> PlaceGroups(DocView v, int s)
    {
        var groups = new List<List<PlaceMention>>();
        if (v.IsTitleCase(s)) return groups;
        PlaceMention? previous = null;
        PlaceMention? described = null;
        foreach (var p in v.Places[s])
        {
            if (IsDateline(v, p) || QualifiesPlaces(v, p) || SharesAnActorsName(v, p) || IsOrigin(v, p) || IsTreatedAt(v, p) || IsAcronymModifier(v, p)
                || IsSpeakersPlace(v, s, p) || IsReachedAt(v, p)) continue;
            // "Buenaventura, le port le plus important de la Colombie sur le Pacifique", "Tenenkou, une localité du centre du Mali": the
            // places of a phrase in apposition to a place only describe it
            if (described != null && InAppositionTo(v, s, described, p)) continue;
            described = p;
            // "residents of Rioma in Kisii County": the second place only says where the first one lies
            var container = previous != null && IsContainer(v.Text, previous, p) && !IsVague(previous);
            // "aux villages Liko et Lai non loin de Jina", "in Kyarsi, near Pale": a place said to be near the one named right before
            // it is that place's landmark, not a place of its own
            // (after a region named by its town too: "dans la région de Porga, non loin du parc de la Pendjari")
            // (not a town near which it happened after the province it lies in: "in the Lower Shabelle province, on the outskirts of
            // the regional capital Marka")
            // (and near a place said to be near another: "near Tarmiyah, north of Baghdad", "près de Tarmiyah, au nord de Bagdad")
            container |= (previous is { Relation: PlaceRelation.In or PlaceRelation.Region, Resolved: not { Precision: 3 } }
                          || previous is { Relation: PlaceRelation.Near, Resolved: not { Precision: 3 } } && p.Full.Start < p.Span.Start) && p.Relation == PlaceRelation.Near
                         && p.Full.Length > 0 && p.Full.Start >= previous.Span.End
                         && v.Text.AsSpan(previous.Span.End, p.Full.Start - previous.Span.End).Trim().Trim(',').IsEmpty;
            // "in Muidumbe district, Cabo Delgado province": after a comma alone, the first-level division the place before lies in
            // only says where that one is
            // (or a second-level one: "in Las Navas, Northern Samar")
            container |= previous is { Resolved: { Admin1: { } inAdmin } pr } && p.Resolved is { Admin1: { } outAdmin } po
                         && po.Precision > pr.Precision && (po.Precision == 3 || IsDivision(v, p) || po.Lat != null && pr.Lat != null && Vigie.Geo.GreatCircle.Km(po, pr) <= DivisionReachKm)
                         && po.Country == pr.Country && inAdmin == outAdmin && po.Name != pr.Name
                         && CommaAlone(v, Math.Max(previous.Span.End, previous.Full.End), PhraseStart(p));
            // "in Sunke village, Anka local government area": a place named as a division right after a comma, behind a place that is
            // none, says where that one lies, when the gazetteer cannot say it (the village unknown to it) or places the two near
            container |= previous != null && (IsDivision(v, p) || DivisionWordAfter(v, p)) && !IsDivision(v, previous) && !DivisionWordAfter(v, previous)
                         && p.Relation == PlaceRelation.In
                         && (previous.Resolved is not { Lat: not null } || p.Resolved is { Lat: not null } && Vigie.Geo.GreatCircle.Km(p.Resolved, previous.Resolved) <= DivisionReachKm)
                         && CommaAlone(v, Math.Max(previous.Span.End, previous.Full.End), PhraseStart(p));
            // "Manipur's Jiribam district": a place named before its possessive only says where the next one lies
            if (previous != null && !container && IsPossessiveOf(v, previous, p) && groups.Count > 0 && groups[^1] is [var only] && only == previous)
                groups.RemoveAt(groups.Count - 1);
            // "la capitale de la région du Haut-Karabakh, Stepanakert": the region only says where the town of the phrase lies
            else if (previous is { Relation: PlaceRelation.Region } && p.Relation == PlaceRelation.In && p.Full.Length > 0 && p.Full.Start == previous.Full.Start
                     && groups.Count > 0 && groups[^1][^1] == previous)
            {
                groups[^1].RemoveAt(groups[^1].Count - 1);
                if (groups[^1].Count == 0) groups.RemoveAt(groups.Count - 1);
            }
            // "un check-point du camp Hamadoun Bocary Barry à Sévaré": a site the gazetteer does not know, in a town (one it knows,
            // or a bare name), is placed at that town
            // (not a village in its district: "Tudun village in the Maru local government area")
            // (and "in Barangay Latih, Patikul municipality": a name it does not know, then after a comma alone a place it knows named
            // as a division, is a village placed by its division)
            // (the division's word after its name, the name a town's: "Patikul municipality", not "dans la province du Khouzistan")
            var village = previous is { Resolved.Lat: null } && p.Resolved is { Lat: not null, Precision: < 3 } && p.Relation == PlaceRelation.In
                          && v.TokenAt(p.Span.End) is var after && after < v.Tokens.Count && DivisionWords.Value.Contains(v.Tokens[after].Folded)
                          && CommaAlone(v, previous.Span.End, p.Span.Start);
            // "the Shinwari checkpoint outside the city of Kunduz": a facility named by its own name (the facility's word right after
            // it), then the town it lies in or near, is placed at that town
            village |= previous is { Feature: { } pf } && p.Relation is PlaceRelation.In or PlaceRelation.Near && p.Resolved is { Lat: not null, Precision: <= 2 }
                       && p.Full.Length > 0 && p.Full.Start >= previous.Span.End && !v.Words.Is("settlement_noun", pf) && !IsArea(pf) && !DivisionWords.Value.Contains(pf)
                       && Fold.String(v.Text.AsSpan(previous.Span.End, p.Full.Start - previous.Span.End).Trim().ToString()) == pf;
            if ((village || container && previous!.Resolved?.Lat == null && previous.Feature != null && !v.Words.Is("settlement_noun", previous.Feature)
                    && p.Feature == null && p.Relation == PlaceRelation.In && (p.Resolved is { Lat: not null, Precision: 1 } || p.Resolved?.Lat == null))
                && groups.Count > 0 && groups[^1][^1] == previous)
            {
                groups[^1][^1] = p;
                previous = p;
                continue;
            }
            previous = p;
            if (container) continue;
            if (groups.Count > 0 && InList(v, groups[^1][^1], p)) groups[^1].Add(p);
            else groups.Add([p]);
        }
        // "at Sitio Sangay, Brgy Buhanginan, Patikul, Sulu": names chained by commas alone, with no "and" anywhere, from one the
        // gazetteer does not know to one it knows, are one address from the smallest place to the largest, not a list of places
        // (not names counted by a plural settlement noun before them: "dans 6 villages : Ndasia, Mayolo, …, Makala" is a list,
        // whatever the gazetteer knows of its last name; "les postes de Kalumba, non loin de Mourdiah, région de Nara" is an address)
        for (var g = 0; g < groups.Count; g++)
            if (groups[g].Count >= 3 && groups[g][0].Resolved?.Lat == null && groups[g][^1].Resolved?.Lat != null
                && !WordOfRoleBetween(v, "coordinator", groups[g][0].Span.End, groups[g][^1].Span.Start)
                && !(groups[g][0].Feature is { Length: > 3 } fe && fe[^1] is 's' or 'x' && v.Words.Is("settlement_noun", Fold.String(fe))))
                groups[g] = [groups[g][0]];
        // "À 50 kilomètres de Kiev, des frappes … à Borodianka", "le camp de Plaine Savo, à 3 km de Bule": a place named as the
        // distance from which another place of the sentence lies is only where that one is measured from
        // (also with no preposition before the distance: "located in Jaral del Progreso, about 35 kilometers south of Salamanca")
        foreach (var g in groups)
            if (g.Count > 1 && g.Exists(IsDistanceFrom) && !g.TrueForAll(IsDistanceFrom)) g.RemoveAll(IsDistanceFrom);
        if (groups.Count > 1 && groups.Exists(IsDistanceGroup) && !groups.TrueForAll(IsDistanceGroup)) groups.RemoveAll(IsDistanceGroup);
        return groups;

        bool IsDistanceGroup(List<PlaceMention> g) => g.TrueForAll(IsDistanceFrom);

        bool IsDistanceFrom(PlaceMention p) => p.Feature == PlaceMention.DistanceFeature || MeasuredFrom(p);

        bool MeasuredFrom(PlaceMention p)
        {
            var at = v.TokenAt(PhraseStart(p));
            for (var k = Math.Max(v.Sentences[s].FirstToken, at - DistanceReach); k + 1 < at; k++)
                if (v.Tokens[k].Kind == TokenKind.Number && v.Words.Is("distance_unit", v.Tokens[k + 1].Folded)) return true;
            return false;
        }
    }

    /// <summary>"arrivés à bord de pirogues depuis la localité nigériane de Baga", "en provenance du Nigeria": where the attackers came
    /// from (function role <c>origin</c> right before the place phrase, past an article) is no place of the event.</summary>
    private static bool IsOrigin(DocView v, PlaceMention p)
    {
        var k = v.TokenAt(PhraseStart(p)) - 1;
        if (k >= 0 && v.Words.IsDeterminer(v.Tokens[k].Folded)) k--;
        return k >= 0 && v.Words.Is("origin", v.Tokens[k].Folded);
    }

    /// <summary>Tokens from a place to a place of a phrase in apposition to it.</summary>
    private const int AppositionReach = 15;

    /// <summary>Between <paramref name="place"/> and <paramref name="p"/>: a comma, an article, then words with no punctuation, event
    /// word or outcome (", le port le plus important de la", ", une localité du centre du"), at most <see cref="AppositionReach"/> tokens.</summary>
    private static bool InAppositionTo(DocView v, int s, PlaceMention place, PlaceMention p)
    {
        var a = v.TokenAt(place.Span.End);
        var b = v.TokenAt(PhraseStart(p));
        // ("A Esu, village du Nord-Ouest situé près de la ville de Wum, …": a settlement word right after the comma, with or without
        // its article, opens a description of the place)
        // (the settlement word may open the place's own phrase: "village du Nord-Ouest")
        var settlement = a + 1 <= b && a + 1 < v.Tokens.Count && (v.Words.Is("settlement_noun", v.Tokens[a + 1].Folded)
                                       || a + 2 <= b && v.Words.IsDeterminer(v.Tokens[a + 1].Folded) && v.Words.Is("settlement_noun", v.Tokens[a + 2].Folded));
        // (not after a place put first in its sentence, whose comma ends a fronted phrase: "En Somalie, le siège d'un hôtel …")
        if (!settlement && v.TokenAt(PhraseStart(place)) <= v.Sentences[s].FirstToken + 1) return false;
        if ((settlement ? a + 1 > b : a + 2 >= b) || b - a > AppositionReach || v.Tokens[a].Folded != "," || !(settlement || v.Words.IsDeterminer(v.Tokens[a + 1].Folded))) return false;
        for (var k = a + 1; k < b; k++)
            if (v.Tokens[k].Kind == TokenKind.Punct && v.Tokens[k].Folded != "'" && v.Tokens[k].Folded != "-") return false;
        if (b == a + 1) return true;
        var stretch = new TextSpan(v.Tokens[a + 1].Start, v.Tokens[b - 1].End);
        foreach (var o in v.Triggers[s]) if (o.Span.Overlaps(stretch)) return false;
        foreach (var o in v.Outcomes[s]) if (o.Span.Overlaps(stretch)) return false;
        return true;
    }

    /// <summary>Where the words of <paramref name="p"/> start: its preposition, article and place word when its phrase has them.</summary>
    private static int PhraseStart(PlaceMention p) => p.Full.Length > 0 ? Math.Min(p.Full.Start, p.Span.Start) : p.Span.Start;

    /// <summary>Nothing but a comma (and spaces) between the offsets <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static bool CommaAlone(DocView v, int from, int to) => v.Text.AsSpan(from, Math.Max(0, to - from)).Trim() is ",";

    /// <summary>A province or district set off by a comma within <see cref="LocatorReach"/> tokens after a place named before it
    /// (<paramref name="before"/>) says where that place lies: an area by its word or a first-level division, after a place the
    /// gazetteer does not know or holds at a finer precision in the same country ("in Koutougou, in Soum province").</summary>
    private static bool LocatorOf(DocView v, PlaceMention pl, IEnumerable<PlaceMention> before)
    {
        if (pl.Resolved is not { Precision: >= 2, Lat: not null } ra || pl.Relation == PlaceRelation.Near || IsCountryLevel(ra) || !AfterAComma(v, pl)) return false;
        var at = v.TokenAt(pl.Span.Start);
        // (an area by its word: "Soum province", "la province du Soum", "Nord Choa" a zone; not a town after a region, "la région de
        // Shoah Nord, Debre Berhan")
        var last = v.LastTokenBefore(pl.Span.End);
        var phrase = v.TokenAt(PhraseStart(pl));
        var areaWord = false;
        for (var k = phrase; k <= last && !areaWord; k++) areaWord = v.Cues.Match(v.Tokens, k, last + 1, CueKind.AreaFeature) != null;
        if (!areaWord && ra.Precision < 3) return false;
        foreach (var o in before)
        {
            if (o.Span.End > pl.Span.Start || at - v.TokenAt(o.Span.End) > LocatorReach) continue;
            if (o.Resolved is not { Lat: not null } ro) return true;
            if (ro.Precision < ra.Precision && ro.Country == ra.Country) return true;
        }
        return false;
    }

    /// <summary>The place is where a source spoke: its preposition (<c>source_place</c>) follows a word of a press event (<c>venue</c>:
    /// "une conférence de presse à Genève", "a news conference in Geneva").</summary>
    private static bool AtVenue(DocView v, PlaceMention pl)
    {
        var i = v.TokenAt(PhraseStart(pl));
        if (i < 2 || !v.Words.Is("source_place", v.Tokens[i].Folded) && !v.Words.Is("source_place", v.Tokens[--i].Folded)) return false;
        return i >= 1 && v.Words.Is("venue", v.Tokens[i - 1].Folded);
    }

    /// <summary>An actor named right after the event words, as their complement ("les tirs d'artillerie des Forces de soutien rapide",
    /// "the shelling by Russian forces"): the words tell whose event it is.</summary>
    private static bool DoerRightAfter(DocView v, int s, TextSpan trigger)
    {
        var end = v.LastTokenBefore(trigger.End);
        foreach (var a in v.Actors[s])
            if (a.Span.Start >= trigger.End && v.TokenAt(a.Span.Start) - end <= 3) return true;
        return false;
    }

    /// <summary>Tokens from the end of a place to the province or district after it that says where it lies ("Koutougou, in Soum").</summary>
    private const int LocatorReach = 6;

    /// <summary>A comma right before the words of <paramref name="p"/> (its preposition, article and place word included).</summary>
    private static bool AfterAComma(DocView v, PlaceMention p)
    {
        var i = v.TokenAt(PhraseStart(p)) - 1;
        var name = v.TokenAt(p.Span.Start);
        while (i >= 0 && v.Tokens[i].Kind == TokenKind.Word && char.IsLower(v.Text[v.Tokens[i].Start]) && name - i <= 4) i--;
        return i >= 0 && v.Tokens[i].Folded == ",";
    }

    /// <summary>"near an US base", "a UN convoy": a capitalised acronym of a country or a body between an article and a lower-case noun
    /// qualifies the noun; it is no place.</summary>
    private static bool IsAcronymModifier(DocView v, PlaceMention p)
    {
        var i = v.TokenAt(p.Span.Start);
        if (i <= 0 || i + 1 >= v.Tokens.Count || v.LastTokenBefore(p.Span.End) != i) return false;
        var name = v.Text.AsSpan(v.Tokens[i].Start, v.Tokens[i].End - v.Tokens[i].Start);
        if (name.Length is < 2 or > 3 || !IsAllUpper(name)) return false;
        var next = v.Tokens[i + 1];
        return v.Words.IsDeterminer(v.Tokens[i - 1].Folded) && next.Kind == TokenKind.Word && char.IsLower(v.Text[next.Start])
               && !v.Words.IsOf(next.Folded) && !v.Words.Is("stop_title", next.Folded);
    }

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>A location that is a whole country: precision 3 and no first-level division.</summary>
    private static bool IsCountryLevel(Location? l) => l is { Precision: 3, Admin1: null or "" };

    /// <summary>Tokens from the comma after a sentence's opening place to the start of the source who speaks ("À Ankara, le ministère …").</summary>
    private const int SpeakerReach = 4;

    /// <summary>
    /// "À Ankara, le ministère de la Défense a indiqué que l'armée avait tué 16 combattants en Syrie", "In Washington, the Pentagon
    /// said …": a place that opens its sentence, set off by a comma right before the source who speaks, is where the statement was
    /// made, when the sentence names another place for what it tells.
    /// </summary>
    private static bool IsSpeakersPlace(DocView v, int s, PlaceMention p)
    {
        var first = v.Sentences[s].FirstToken;
        var at = v.TokenAt(p.Full.Length > 0 ? p.Full.Start : p.Span.Start);
        // (first in its sentence, past one preposition)
        if (at - first > 1) return false;
        var comma = v.TokenAt(p.Span.End - 1) + 1;
        if (comma >= v.Sentences[s].EndToken || v.Tokens[comma].Folded != ",") return false;
        var after = v.Tokens[comma].End;
        return v.Sources[s].Any(src => src.Full.Start >= after && v.TokenAt(src.Full.Start) - comma <= SpeakerReach)
               && v.Places[s].Any(o => o.Span.Start > after);
    }

    /// <summary>Tokens before a place within which a word of a source reached somewhere makes it where the source was reached.</summary>
    private const int ReachedReach = 20;

    /// <summary>
    /// "Deux sources militaires jointes à Gao … ainsi qu'à Bamako avaient fait état de dix morts", "officials reached in Kabul said":
    /// where a source was reached (a word of function role <c>reached</c> before the place, in its clause, with no verb of speech
    /// between, and a preposition of role <c>reached_at</c> right before the place) is no place of the event.
    /// </summary>
    private static bool IsReachedAt(DocView v, PlaceMention p)
    {
        var at = v.TokenAt(p.Span.Start);
        var first = v.Sentences[v.SentenceAt(p.Span.Start)].FirstToken;
        // (reached at the place itself: "jointe à Gao", "reached in Gao"; not "avoir joint des habitants de Gourma-Rharous", people
        // of the place reached from elsewhere)
        if (at - 1 < first || !v.Words.Is("reached_at", v.Tokens[at - 1].Folded)) return false;
        var speech = v.SpeechVerbs;
        for (var k = at - 1; k >= first && k >= at - ReachedReach; k--)
        {
            if (v.Tokens[k].Folded is "." or ";" or ":" or "«" or "»" or "\"" or "“" or "”") return false;
            if (speech.Match(v.Tokens, k, at, out _, out _)) return false;
            if (v.Words.Is("reached", v.Tokens[k].Folded)) return true;
        }
        return false;
    }

    /// <summary>Tokens before a place within which a word of the wounded taken somewhere makes it where they are treated.</summary>
    private const int TransferReach = 6;

    /// <summary>"ont été admis à l'hôpital de Misrata", "were taken to a hospital in Kunduz": where the wounded are treated (a word of
    /// function role <c>transfer</c>, then one of role <c>care_facility</c>, before the place, in its clause) is no place of the event.</summary>
    private static bool IsTreatedAt(DocView v, PlaceMention p)
    {
        // (from the name itself: "l'hôpital de Misrata" may be the place's phrase)
        var at = v.TokenAt(p.Span.Start);
        var first = v.Sentences[v.SentenceAt(p.Span.Start)].FirstToken;
        var care = false;
        for (var k = at - 1; k >= first && k >= at - TransferReach; k--)
        {
            if (v.Tokens[k].Kind == TokenKind.Punct && v.Tokens[k].Folded != "'") return false;
            care |= v.Words.Is("care_facility", v.Tokens[k].Folded);
            if (care && v.Words.Is("transfer", v.Tokens[k].Folded)) return true;
        }
        return false;
    }

    /// <summary>Tokens before a place within which a distance ("35 kilometers south of") makes it where another place is measured from.</summary>
    private const int DistanceReach = 5;

    /// <summary>A word of the function-word role between the two offsets ("coordinator": "and", "et", not a comma;
    /// "contrast": "alors que", "while").</summary>
    private static bool WordOfRoleBetween(DocView v, string role, int from, int to)
    {
        var words = v.Words.Role(role);
        for (var i = v.TokenAt(from); i < v.Tokens.Count && v.Tokens[i].Start < to; i++)
            if (v.Tokens[i].Start >= from && v.Tokens[i].Kind == TokenKind.Word && words.Contains(v.Tokens[i].Folded)) return true;
        return false;
    }

    /// <summary>Lower-case words an unknown name may have before the plural place noun it qualifies ("Kuki-Zo majority areas").</summary>
    private const int QualifierGap = 2;

    /// <summary>
    /// A name the gazetteer does not know, followed (after at most <see cref="QualifierGap"/> lower-case words) by a plural place
    /// noun: the name qualifies those places ("in Kuki-Zo majority areas", "in Meitei villages"), it is no place of its own.
    /// </summary>
    private static bool QualifiesPlaces(DocView v, PlaceMention p)
    {
        if (p.Resolved?.Lat != null) return false;
        // ("attacks on Nyaung Kone and Kyarsi villages": names listed before the place noun are those places)
        var first = v.TokenAt(p.Span.Start);
        if (first > 0 && v.Words.IsCoordinator(v.Tokens[first - 1].Folded)) return false;
        var k = v.LastTokenBefore(p.Span.End) + 1;
        for (var n = 0; n <= QualifierGap && k < v.Tokens.Count; n++, k++)
        {
            var tk = v.Tokens[k];
            if (tk.Kind != TokenKind.Word) return false;
            if (v.Words.Is("group_area", tk.Folded)) return true;
            if (char.IsUpper(v.Text[tk.Start]) || v.Words.IsDeterminer(tk.Folded) || v.Words.IsOf(tk.Folded)) return false;
        }
        return false;
    }

    /// <summary>
    /// "2 soldiers killed in Sulu Sayyaf clash": a name the gazetteer does not know, of several words, one of which is a word of a
    /// named armed group of the text ("Abu Sayyaf"), is that group's name run into a place's, no place.
    /// </summary>
    private static bool SharesAnActorsName(DocView v, PlaceMention p)
    {
        if (p.Resolved?.Lat != null) return false;
        var first = v.TokenAt(p.Span.Start);
        var last = v.LastTokenBefore(p.Span.End);
        if (last <= first) return false;
        foreach (var a in v.AllActors)
        {
            if (a.Generic || a.FromContext || a.Span.Overlaps(p.Span)) continue;
            for (var i = v.TokenAt(a.Span.Start); i < v.Tokens.Count && v.Tokens[i].Start < a.Span.End; i++)
                for (var k = first; k <= last; k++)
                    if (v.Tokens[k].Folded == v.Tokens[i].Folded && v.Tokens[k].Folded.Length > 3 && char.IsUpper(v.Text[v.Tokens[k].Start])) return true;
        }
        return false;
    }

    /// <summary>The first place, then an apostrophe and the possessive "s", then the second place.</summary>
    internal static bool IsPossessiveOf(DocView v, PlaceMention outer, PlaceMention inner)
    {
        var i = v.TokenAt(outer.Span.End - 1);
        // (the inner place's phrase may open with its words: "Mozambique's northern province of Cabo Delgado")
        var j = v.TokenAt(inner.Full.Length > 0 && inner.Full.Start < inner.Span.Start ? inner.Full.Start : inner.Span.Start);
        return i >= 0 && j == i + 3 && v.Words.IsPossessiveMark(v.Tokens, i + 1);
    }

    /// <summary>
    /// The second place is where the first one lies: right after it, introduced by a preposition of place ("Rioma in Kisii
    /// County"), with nothing but a space between them (after a comma, "à A, à B" is a series).
    /// </summary>
    private static bool IsContainer(string text, PlaceMention inner, PlaceMention outer)
    {
        var innerEnd = Math.Max(inner.Span.End, inner.Full.End);
        if (outer.Relation == PlaceRelation.Near || outer.Full.Length == 0 || outer.Full.Start >= outer.Span.Start || outer.Full.Start < innerEnd) return false;
        foreach (var c in text.AsSpan(innerEnd, outer.Full.Start - innerEnd))
            if (!char.IsWhiteSpace(c)) return false;
        return true;
    }

    private static bool InList(DocView v, PlaceMention a, PlaceMention b) => InPlainList(v, a, b) || InSeries(v, a, b);

    /// <summary>Words that introduce each place of a series ("à A, à B et à C", "in A, in B").</summary>
    private static bool IsSeriesPreposition(DocView v, string folded) => v.Words.Is("series_preposition", folded);

    /// <summary>
    /// "à Cali, la capitale, où un policier a été tué, à Jamundi, à Corinto et à Buenaventura": places each introduced by the
    /// same preposition, the next one right after a comma or "et", with at most a short apposition in between.
    /// </summary>
    private static bool InSeries(DocView v, PlaceMention a, PlaceMention b)
    {
        if (a.Relation != PlaceRelation.In || b.Relation != PlaceRelation.In) return false;
        var toks = v.Tokens;
        int PrepBefore(PlaceMention p)
        {
            var i = v.TokenAt(p.Span.Start) - 1;
            if (i >= 0 && v.Cues.Match(toks, i, i + 1, CueKind.Gap) != null && !IsSeriesPreposition(v, toks[i].Folded)) i--;
            return i >= 0 && IsSeriesPreposition(v, toks[i].Folded) ? i : -1;
        }
        var pa = PrepBefore(a);
        var pb = PrepBefore(b);
        if (pa < 0 || pb <= 0 || toks[pa].Folded != toks[pb].Folded) return false;
        var link = toks[pb - 1].Folded;
        if (link is not ("," or "et" or "and")) return false;
        var from = v.TokenAt(a.Span.End);
        if (pb - from > 12) return false;
        for (var i = from; i < pb; i++)
            if (toks[i].Kind == TokenKind.Punct && toks[i].Folded is not ("," or "-" or "(" or ")")) return false;
        return true;
    }

    private static bool InPlainList(DocView v, PlaceMention a, PlaceMention b)
    {
        var from = v.TokenAt(a.Span.End);
        var bStart = PhraseStart(b);
        var to = v.TokenAt(b.Span.Start);
        if (to - from > 6 || to <= from) return false;
        var toks = v.Tokens;
        var connector = false;
        var unknown = 0;
        for (var i = from; i < to;)
        {
            var cue = v.Cues.Match(toks, i, to, CueKind.List);
            if (cue != null) { connector = true; i += cue.Words.Length; continue; }
            var t = toks[i];
            if (t.Kind == TokenKind.Punct && t.Folded != "-") return false;
            if (v.Cues.Match(toks, i, to, CueKind.Gap) == null && t.Start < bStart) unknown++;
            if (t.Kind == TokenKind.Word && v.Words.Is("list_breaker", t.Folded)) return false;
            i++;
        }
        return connector && unknown <= 2;
    }

    /// <summary>The group of places that belongs to the span: the nearest one after it, else the nearest one before.</summary>
    private static List<PlaceMention>? PickGroup(List<List<PlaceMention>> groups, TextSpan span)
    {
        // "a frappé l'Extrême-Nord du Cameroun, tuant trois personnes à Mora": the town, not the area around it
        var towns = groups.Where(g => g.Any(p => !IsVague(p))).ToList();
        if (towns.Count > 0 && towns.Count < groups.Count) groups = towns;
        List<PlaceMention>? after = null, before = null;
        foreach (var g in groups)
        {
            if (g[0].Span.Start >= span.Start) { after ??= g; }
            else before = g;
        }
        if (after != null && before != null)
        {
            var da = after[0].Span.Start - span.End;
            var db = span.Start - before[^1].Span.End;
            return da <= 100 || da <= db * 2 ? after : before;
        }
        return after ?? before;
    }

    /// <summary>The folded words of one kind of cue in every language pack (feature words are read before the language matters).</summary>
    private static HashSet<string> CueWordsOfAllPacks(CueKind kind)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lang in Vigie.Lexicons.Languages.All)
            foreach (var c in AssemblyCues.For(lang).All(kind)) set.Add(string.Join(" ", c.Words));
        return set;
    }

    /// <summary>Tokens after a toll within which aircraft named as the passive's agent did the killing ("… were killed by Afghan Air Force jets").</summary>
    private const int AgentReach = 6;

    /// <summary>Tokens after the agent's "par" / "by" within which its aircraft word is read ("par l'armée de l'air irakienne").</summary>
    private const int AgentPhraseReach = 8;

    /// <summary>
    /// An aircraft word (context set <c>air</c> of lang/xx/triggers.tsv) as the doer of the killing the toll at <paramref name="number"/>
    /// counts: before the number in its clause ("Des avions de la coalition ont tué 12 jihadistes"), or after it as the passive's agent
    /// ("par l'aviation", "by warplanes"); its span, else null.
    /// </summary>
    private static TextSpan? AircraftDoer(DocView v, int s, TextSpan number)
    {
        var lex = Finders.TriggerFinder.Lexicon.Cache.For(Finders.FinderData.LangOf(v.Doc));
        var sent = v.Sentences[s];
        var at = v.TokenAt(number.Start);
        var first = sent.FirstToken;
        for (var k = at - 1; k > first; k--)
            if (v.Tokens[k].Folded is ";" or ":") { first = k + 1; break; }
        if (lex.FirstInSentence("air", v.Tokens, first, at) is { } before) return before;
        var end = Math.Min(sent.EndToken, v.TokenAt(number.End) + AgentReach);
        for (var k = v.TokenAt(number.End); k < end; k++)
            if (v.Words.Is("agent", v.Tokens[k].Folded) && lex.FirstInSentence("air", v.Tokens, k + 1, Math.Min(sent.EndToken, k + AgentPhraseReach)) is { } after) return after;
        return null;
    }

    /// <summary>"secteur", "commune": an area around places rather than a place.</summary>
    private static readonly Lazy<HashSet<string>> AreaWords = new(() => CueWordsOfAllPacks(CueKind.AreaFeature));

    /// <summary>"district", "province", "county": an administrative division.</summary>
    private static readonly Lazy<HashSet<string>> DivisionWords = new(() => CueWordsOfAllPacks(CueKind.Division));

    /// <summary>The place is named with a word for an administrative division ("the northeastern county of Wajir").</summary>
    private static bool IsDivision(DocView v, PlaceMention p)
    {
        var full = p.Full.Length > 0 ? p.Full : p.Span;
        for (var k = v.TokenAt(full.Start); k < v.Tokens.Count && v.Tokens[k].End <= full.End; k++)
            if (DivisionWords.Value.Contains(v.Tokens[k].Folded)) return true;
        return false;
    }

    /// <summary>A word of a division follows the name ("Anka local government area", "Kunduz province").</summary>
    private static bool DivisionWordAfter(DocView v, PlaceMention p)
    {
        var k = v.TokenAt(p.Span.End - 1) + 1;
        return k < v.Tokens.Count && v.Cues.Match(v.Tokens, k, v.Tokens.Count, CueKind.Division) != null;
    }

    private static bool IsArea(string? feature) => feature != null && AreaWords.Value.Contains(Fold.String(feature));

    private static (Location Loc, bool Vague) LocationOf(PlaceMention p)
    {
        var relPrecision = p.Relation switch { PlaceRelation.In => 1, PlaceRelation.Near => 2, _ => 3 };
        var r = p.Resolved;
        var loc = new Location
        {
            // the name as the text writes it: obscure places are matched by name, and the text is the evidence
            Name = p.Feature is PlaceMention.CapitalFeature or PlaceMention.OwnCountryFeature && r?.Name is { } named ? named : p.Name,
            Country = r?.Country, Admin1 = r?.Admin1, Lat = r?.Lat, Lon = r?.Lon, GeonamesId = r?.GeonamesId,
            Precision = Math.Max(relPrecision, r?.Precision ?? relPrecision),
            Evidence = [p.Span],
        };
        if (IsTownArea(p))
        {
            loc.Precision = 2;
            return (loc, false);
        }
        return (loc, IsVague(p));
    }

    /// <summary>"the Banki area of Borno State", "Datta Khel area", "dans la zone de Tessit": a town's area is the town at precision 2 (the area word alone, when
    /// the name is a town or unknown to the gazetteer; "the Wollega area", a zone, stays an area).</summary>
    private static bool IsTownArea(PlaceMention p) =>
        p.Relation != PlaceRelation.Region && p.Feature is { } fe && Fold.String(fe) is "area" or "zone" or "secteur" && (p.Resolved?.Precision ?? 1) < 3
        // "dans la région de Bir Al Abd", "the Bannu region": the region of a town the gazetteer knows as a town (an administrative
        // region of that name resolves to the region itself and stays an area)
        || p.Relation == PlaceRelation.Region && p.Feature is { } rf && (IsArea(rf) || Fold.String(rf) is "region") && p.Resolved is { GeonamesId: not null, Precision: 2 };

    /// <summary>The place's location (<see cref="LocationOf"/>) is vague: a region, a place of precision 3 or coarser, an area; read without making the location.</summary>
    private static bool IsVague(PlaceMention p) =>
        !IsTownArea(p) && (p.Relation == PlaceRelation.Region || (p.Resolved?.Precision ?? 1) >= 3 || IsArea(p.Feature));

    /// <summary>Tokens after a fight word within which the verb saying it followed a bombing comes ("la fusillade qui s'en est suivie": five).</summary>
    private const int FollowedReach = 6;

    /// <summary>Tokens after a definite event word within which its verb of taking place comes ("L'attaque s'est déroulée", "the
    /// attack took place", "l'embuscade a eu lieu": at most four).</summary>
    private const int TookPlaceReach = 4;

    /// <summary>The place is named with a word for a civilian building (function role <c>civilian_building</c>: "le collège de Kagara").</summary>
    private static bool BuildingFeature(DocView v, PlaceMention p) => p.Feature is { } f && v.Words.Is("civilian_building", f.Split(' ')[0]);

    /// <summary>Characters after an event word within which the building it names may start ("sont entrés dans le collège gouvernemental de X").</summary>
    private const int BuildingReach = 40;

    /// <summary>Tokens from a verdict or a remembrance to the event word it is about, in one clause ("sentenced to 10 years in
    /// prison for the attack": eight); read on the English and French negative corpora of court cases and commemorations.</summary>
    private const int RecallReach = 12;
    /// <summary>Words after a cue of fear or prevention within which an event word is what was feared, not done.</summary>
    private const int UnrealReach = 8;

    /// <summary>How far from a fight word (in tokens) a named side still belongs to it: "Three soldiers were killed in fighting with
    /// the rebels" (six before), "clashes between pro-Russian rebels and government forces" (five after). Read on dev.jsonl and dev2.jsonl.</summary>
    private static readonly (int Before, int After) MutualSideWindow = (10, 8);

    // ---- one trigger ----------------------------------------------------------------------

    /// <summary>The drafts of one event word (one per target place), added to <paramref name="into"/>.</summary>
    /// <param name="namedLater">the sentence that names the settlement a lede event was told at without its name, or -1: the
    /// days the text gives from there on are the event's when its own sentence gives none</param>
    private static void FromTrigger(List<Draft> into, DocView v, int s, TriggerMention t, List<PlaceMention>? places, bool carried,
        List<FigureMention> figures, Sides sides, int namedLater = -1)
    {
        var toks = v.Tokens;
        var sent = v.Sentences[s];
        var tFirst = v.TokenAt(t.Span.Start);
        var (a1, a1s, a2, a2s) = ActorsOf(v, s, t);
        // "There was no immediate claim of responsibility for the explosion, however such attacks are frequently carried out by
        // al-Shabab": the group a sentence names while saying nobody claimed the event is not its doer
        if (s == sides.NoClaimSentence && a1 is { Kind: not (ActorKind.StateForces or ActorKind.ExternalForces or ActorKind.Civilians) } && a1s != null && !Sides.Unnamed(a1))
            (a1, a1s) = (Sides.Unclaimed(), sides.NoClaim);
        // "Chadian troops pushed Boko Haram fighters off an island and regained control of it", "the army said it had retaken
        // positions held by jihadists": a taking in a coordinated or reported clause is done by the sentence's subject
        if (Taxonomy.IsTerritoryChange(t.Subtype)
            && SubjectOfClause(v, s, t) is { } subject && subject.Name != a1?.Name)
        {
            if (a1 != null) (a2, a2s) = (a1, a1s);
            (a1, a1s) = (ToActor(subject), subject.Span);
        }
        // "a gunfight between suspected militants and security forces", "trois soldats tués dans des combats avec les rebelles": a
        // fight has no doer and no target, its sides are told in the order the sentence names them (the fallen side included)
        if (t.Subtype == EventSubtype.ArmedClash && v.Words.Is("mutual", toks[tFirst].Folded)
            && v.Actors[s].Where(a => a.Kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters)
                                      && tFirst - v.TokenAt(a.Span.End - 1) <= MutualSideWindow.Before && v.TokenAt(a.Span.Start) - tFirst <= MutualSideWindow.After
                                      && !InSource(v, s, a.Span)).ToList() is { Count: > 0 } named)
        {
            var first = named[0];
            var second = named.FirstOrDefault(a => a.Kind != first.Kind || a.Name != first.Name && a.Kind is ActorKind.IdentityMilitia or ActorKind.PoliticalMilitia);
            (a1, a1s) = (ToActor(first), first.Span);
            // "heurts entre groupes armés": with no other side named and none in the article, both sides are of that kind
            (a2, a2s) = second != null ? (ToActor(second), second.Span)
                : first.Kind is ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia && sides.Opposite(ToActor(first)!) == null ? (ToActor(first), (TextSpan?)null)
                : ((Actor?)null, (TextSpan?)null);
        }
        // the evidence of the subtype, then the one decision (SubtypeDecision)
        // (a word whose condition named its weapon is no umbrella: "l'aviation a mené un raid" is an air strike)
        var generic = v.Cues.Match(toks, tFirst, sent.EndToken, CueKind.GenericAttack) != null
                      && !(t.ConditionSet != null && Taxonomy.TypeOf(t.Subtype) == EventType.ExplosionsRemoteViolence);
        static bool Armed(VictimGroup g) => g is VictimGroup.GovernmentForces or VictimGroup.ForeignForces;
        // "the Sudanese paramilitary Rapid Support Forces attacked": a victim word right before the doer's name describes the doer
        bool OfDoer(VictimMention x) => a1s is { } d && !x.Span.Overlaps(d) && x.Span.End <= d.Start && v.TokenAt(d.Start) - v.TokenAt(x.Span.End - 1) <= 1;
        var forcesHit = figures.FirstOrDefault(f => Armed(f.Figure.Group))?.NumberSpan ?? v.Victims[s].FirstOrDefault(x => Armed(x.Group) && !OfDoer(x)
            // "Soldiers killed twelve people": armed words that are the subject of an active killing did it, they were not hit
            && !ActiveVerbAfter(v, s, x.Span.End, sent.Span.End, v.Words))?.Span;
        var civiliansHit = figures.FirstOrDefault(f => f.Figure.Group == VictimGroup.Civilians)?.NumberSpan
                           ?? v.Victims[s].FirstOrDefault(x => x.Group == VictimGroup.Civilians)?.Span;
        var protestBeside = v.Actors[s].Any(a => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia or ActorKind.ExternalForces)
            ? null : v.Triggers[s].FirstOrDefault(o => Taxonomy.TypeOf(o.Subtype) is EventType.Protests or EventType.Riots)?.Span;
        var forceOnProtesters = ForceOnProtesters(v, s);
        var facts = new SubtypeFacts
        {
            Trigger = t, Generic = generic, ForcesHit = forcesHit, CiviliansHit = civiliansHit, ProtestBeside = protestBeside,
            AttackersHit = figures.FirstOrDefault(f => f.Figure.Group == VictimGroup.NonStateArmed && f.Figure.Outcome == Outcome.Killed)?.NumberSpan,
            Actor1Kind = a1?.Kind, Actor1Span = a1s, Actor2Kind = a2?.Kind, Actor2Span = a2s,
            ForceOnProtesters = forceOnProtesters is var (fa, ca) ? (fa.Span, ca.Span) : null,
            Outcomes = v.Outcomes[s], Neighbours = [.. v.Triggers[s].Where(o => o != t && !o.Span.Overlaps(t.Span))],
            InContrastClause = [.. v.Triggers[s].Where(o => o.Span.Start >= t.Span.End && WordOfRoleBetween(v, "contrast", t.Span.End, o.Span.Start))],
            // the place right after the event word, when a word for a civilian building names it ("sont entrés dans le collège de Kagara")
            EnteredBuilding = v.Places[s].FirstOrDefault(p => p.Span.Start >= t.Span.End && p.Span.Start - t.Span.End < BuildingReach && BuildingFeature(v, p))?.Span,
        };
        var choice = SubtypeDecision.Decide(facts);
        var subtype = choice.Winner;
        // the forces that killed or wounded protesters act, the protesters are the target
        if (choice.Rule == SubtypeDecision.ForceOnProtesters && forceOnProtesters is var (force, crowd))
            (a1, a1s, a2, a2s) = (ToActor(force), force.Span, ToActor(crowd), crowd.Span);
        // "les forces de sécurité ont ouvert le feu sur les manifestants": the forces act, the protesters are the target
        if (subtype == EventSubtype.ExcessiveForceAgainstProtesters)
        {
            if (a1?.Kind != ActorKind.StateForces
                && v.Actors[s].LastOrDefault(a => a.Kind == ActorKind.StateForces && a.Span.End <= t.Span.Start) is { } state)
                (a1, a1s) = (ToActor(state), state.Span);
            if (a2?.Kind != ActorKind.Protesters && v.Actors[s].FirstOrDefault(a => a.Kind == ActorKind.Protesters) is { } people)
                (a2, a2s) = (ToActor(people), people.Span);
            if (a1?.Kind == ActorKind.Protesters) (a1, a1s) = (null, null);
        }
        // a foiled attack or a seized cache: the forces that stop it act on the armed group
        if (subtype == EventSubtype.DisruptedWeaponsUse && a1?.Kind is not (ActorKind.StateForces or ActorKind.ExternalForces)
            && v.Actors[s].FirstOrDefault(a => a.Kind is ActorKind.StateForces or ActorKind.ExternalForces
                                               && !InSource(v, s, a.Span)) is { } stopper)
        {
            if (a1 != null && a1.Name != stopper.Name) (a2, a2s) = (a1, a1s);
            (a1, a1s) = (ToActor(stopper), stopper.Span);
            if (a2?.Name == stopper.Name) (a2, a2s) = (sides.NonState, null);
        }
        // demonstrations: the crowd is actor1 (rioters when violent); the forces that intervene, if any, actor2
        if (Taxonomy.TypeOf(subtype) is EventType.Protests or EventType.Riots && subtype != EventSubtype.ExcessiveForceAgainstProtesters)
        {
            var riot = Taxonomy.TypeOf(subtype) == EventType.Riots;
            var crowdKind = riot ? ActorKind.Rioters : ActorKind.Protesters;
            var people = v.Actors[s].FirstOrDefault(a => a.Kind == crowdKind) ?? v.Actors[s].FirstOrDefault(a => a.Kind is ActorKind.Protesters or ActorKind.Rioters);
            var police = v.Actors[s].FirstOrDefault(a => a.Kind is ActorKind.StateForces or ActorKind.ExternalForces
                                                        && !InSource(v, s, a.Span));
            (a1, a1s) = people != null ? (new Actor { Name = people.Name, Kind = crowdKind, Country = people.Country }, people.Span)
                : (new Actor { Name = riot ? "Rioters" : "Protesters", Kind = crowdKind }, (TextSpan?)null);
            if (subtype == EventSubtype.PeacefulProtest) (a2, a2s) = (null, null);
            else if (police != null) (a2, a2s) = (ToActor(police), police.Span);
            else if (subtype is EventSubtype.ProtestWithIntervention or EventSubtype.ViolentDemonstration) (a2, a2s) = (sides.State, null);
            else if (a2?.Kind is ActorKind.Protesters or ActorKind.Rioters) (a2, a2s) = (null, null);
        }

        // "trois militaires et cinq assaillants ont été tués": in a fight, the side named as the attackers started it (ACLED's
        // actor 1 is the initiator), whatever order the sentence names the sides in
        if (subtype == EventSubtype.ArmedClash && a1?.Kind is ActorKind.StateForces or ActorKind.ExternalForces && a2 != null
            && a2.Kind is not (ActorKind.StateForces or ActorKind.ExternalForces) && a2s is { } side2 && WordOfRoleBetween(v, "attacker", side2.Start, side2.End)
            && !(a1s is { } side1 && WordOfRoleBetween(v, "attacker", side1.Start, side1.End)))
            (a1, a1s, a2, a2s) = (a2, a2s, a1, a1s);
        // fill the sides from the document when the sentence names only one
        var type = Taxonomy.TypeOf(subtype);
        if (type == EventType.ViolenceAgainstCivilians)
        {
            // "l'attaque d'un groupe armé contre le quartier": an armed actor after the word is the perpetrator
            // (not when those words are victims the sentence counts: "seven soldiers were killed and 22 others kidnapped")
            if (a1 == null && a2 != null && a2.Kind != ActorKind.Civilians && !(a2s is { } hit && v.Victims[s].Any(x => x.Span.Overlaps(hit)) && SufferedAfter(v, s, hit)))
            { a1 = a2; a1s = a2s; }
            // "un manifestant a été tué par des inconnus": protesters attacked by others than the state stay protesters (ACLED)
            if (a2 == null || a2.Kind is not (ActorKind.Civilians or ActorKind.Protesters)) { a2 = new Actor { Name = "Civilians", Kind = ActorKind.Civilians }; a2s = null; }
            if (a2.Kind == ActorKind.Civilians && (a2s != null ? [a2s.Value] : v.Victims[s].Select(x => x.Span)).Any(victims =>
                    v.Triggers[s].Any(o => Taxonomy.TypeOf(o.Subtype) == EventType.Protests && victims.Contains(o.Span))))
                a2 = new Actor { Name = "Protesters", Kind = ActorKind.Protesters, Country = a2.Country };
            if (a1?.Kind == ActorKind.Civilians) { a1 = null; a1s = null; }
            // civilians killed with no doer named in the sentence: the armed group the text is about did it (ACLED names the
            // perpetrator the report gives, even in another sentence)
            if (a1 == null && a2?.Kind == ActorKind.Civilians && sides.NonState is { } armedGroup) a1 = armedGroup;
        }
        else if (type is EventType.Battles or EventType.ExplosionsRemoteViolence)
        {
            // bombs, mines and suicide attacks are not the state's weapons: named state forces are their target
            var planted = subtype is EventSubtype.RemoteExplosiveLandmineIed or EventSubtype.SuicideBomb or EventSubtype.Grenade;
            if (planted && a1?.Kind is ActorKind.StateForces or ActorKind.Civilians && a2?.Kind is not (ActorKind.RebelGroup or ActorKind.PoliticalMilitia))
                (a1, a1s, a2, a2s) = (null, null, a1, a1s);
            // "Trois soldats et deux civils ont été tués … lors d'une attaque menée contre une unité": civilians the sentence names are
            // never the doer of a fight or a strike on forces; the other side of the forces is (below)
            if (a1?.Kind == ActorKind.Civilians && a2?.Kind is ActorKind.StateForces or ActorKind.ExternalForces) { a1 = null; a1s = null; }
            if (a1 == null && a2 != null) a1 = sides.Opposite(a2);
            // (not the document's other side when the sentence tells whom the strike hit: civilians it counts, or a place where
            // civilians gather, are the target below — "RSF shells on the Al-Thawra neighbourhood killed four civilians", "le
            // kamikaze s'est fait exploser au milieu d'un rassemblement de villageois")
            else if (a2 == null && a1 != null
                     && !(type == EventType.ExplosionsRemoteViolence && (VictimSide(v, s, figures) == VictimGroup.Civilians
                          || (planted || subtype is EventSubtype.AirDroneStrike or EventSubtype.ShellingArtilleryMissileAttack) && CivilianSite(v, s) != null)))
                a2 = sides.Opposite(a1);
            // "Onze combattants progouvernementaux et 73 rebelles houthis ont été tués dans de nouveaux combats": a fight whose sides
            // are told in the order the sentence names them, the state's side named first by its dead
            if (subtype == EventSubtype.ArmedClash && v.Words.Is("mutual", toks[tFirst].Folded) && a1s is { } named1
                && a1?.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia
                && a2?.Kind is null or ActorKind.StateForces && !v.Actors[s].Any(a => a.Kind is ActorKind.StateForces or ActorKind.ExternalForces)
                && v.Victims[s].FirstOrDefault(x => x.Group == VictimGroup.GovernmentForces && x.Span.End <= named1.Start) is { } stateDead)
                (a1, a1s, a2, a2s) = (a2 ?? new Actor { Name = "Military Forces", Kind = ActorKind.StateForces }, stateDead.Span, a1, a1s);
            // "une patrouille a été attaquée par des hommes armés": a post, a patrol or a convoy attacked is the state's forces,
            // named or not, with the words that name the target as evidence (when it holds, the side defaults below do not apply)
            if (a2 == null && t.ConditionSet == "armed_target" && subtype == EventSubtype.ArmedClash && a1?.Kind is not (ActorKind.StateForces or ActorKind.ExternalForces))
                (a2, a2s) = (new Actor { Name = "Military Forces", Kind = ActorKind.StateForces }, t.ConditionSpan);
            // no side named in the sentence: fighting ("des combats aux abords de X") is most often a non-state group's attack on
            // the state's forces (dev.jsonl and dev2.jsonl: armed groups are actor1 of 31 of 45 state/non-state clashes); an
            // offensive, an assault or a regained town told without its sides is the state's
            else if (a1 == null && a2 == null && type == EventType.Battles)
                (a1, a2) = subtype != EventSubtype.GovernmentRegainsTerritory && v.Words.Is("mutual", toks[tFirst].Folded)
                    ? (sides.NonState, sides.State) : (sides.State, sides.NonState);
            // (civilians the strike killed are its target, not the document's armed group: "Air strikes killed five shepherds")
            else if (a1 == null && a2 == null && subtype == EventSubtype.AirDroneStrike)
            {
                a1 = sides.State;
                a2 = VictimSide(v, s, figures) == VictimGroup.Civilians ? null : sides.NonState;
            }
            else if (a1 == null && a2 == null && planted) a1 = sides.NonState;
            // "une tentative d'attaque … a été repoussée (par l'armée), … la mort de huit terroristes": an attack the state's forces
            // fought off was the armed group's, the group first (ACLED's actor 1 is the initiator), also when the sides came from
            // the document
            // (the forces unnamed in the text: the words of their fighting it off are the evidence)
            if (subtype == EventSubtype.ArmedClash && (a1 == null || a1.Kind is ActorKind.StateForces)
                && a2?.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia && ContextIn(v, "repel", sent.FirstToken, sent.EndToken) is { } repelled)
                (a1, a1s, a2, a2s) = (a2, a2s, a1 ?? new Actor { Name = "Military Forces", Kind = ActorKind.StateForces }, a1 == null ? repelled : a1s);
            // the victims the sentence names are the target when no side is named for it
            if (a2 == null && type == EventType.ExplosionsRemoteViolence && VictimSide(v, s, figures) is { } hit)
                a2 = hit == VictimGroup.Civilians ? new Actor { Name = "Civilians", Kind = ActorKind.Civilians }
                    : a1?.Kind == ActorKind.StateForces ? null : sides.State;
            // "un kamikaze s'est fait exploser dans une église", "a bomb went off in a crowded market": a bomb set off where civilians
            // gather, with no other target named, targets civilians (so do bombs dropped or shells fired on such a place: "des avions
            // militaires ont largué des bombes sur une cérémonie")
            if (a2 == null && (planted || subtype is EventSubtype.AirDroneStrike or EventSubtype.ShellingArtilleryMissileAttack) && CivilianSite(v, s) is { } site)
                (a2, a2s) = (new Actor { Name = "Civilians", Kind = ActorKind.Civilians }, site);
            // aircraft belong to states: a non-state group named near an air strike is its target (not near drones: armed groups fly
            // them too, "drones launched by Iran-backed Houthis struck Marib")
            if (subtype == EventSubtype.AirDroneStrike && a1 != null && a1.Kind is not (ActorKind.StateForces or ActorKind.ExternalForces)
                && !WordOfRoleBetween(v, "drone_word", sent.Span.Start, sent.Span.End))
            {
                (a2, a2s) = (a1, a1s);
                a1 = sides.State; a1s = null;
            }
        }

        // date: a development that is announced ("ont annoncé samedi leur fusion") happens on the day of the announcement
        // (a taking told as made without fighting is a territorial event like the taking it was, not an announced development)
        var development = subtype is EventSubtype.Agreement or EventSubtype.HeadquartersOrBaseEstablished or EventSubtype.ChangeToGroupActivity
            or EventSubtype.Other || (subtype == EventSubtype.NonViolentTransferOfTerritory && choice.Rule != SubtypeDecision.TakenWithoutFight);
        var (date, dateSpan, background) = DateOf(v, s, t.Span, reportTimeIsEvent: development);
        // (a day the sentence gives for the report is not the event's: "…, selon les médias vendredi")
        if (namedLater >= 0 && !v.Times[s].Any(tm => tm.Span == dateSpan && !IsReportTime(v, tm)) && DaysToldLater(v, namedLater) is var (laterDate, laterSpan))
            (date, dateSpan) = (laterDate, laterSpan);
        // non-violent developments are kept only when the sentence dates and places them itself, or, in the opening sentences,
        // when the sentence at least dates them or places them (the other from the article: its day, its main country)
        // (with no publication day the sentence's "on Thursday" cannot be dated, but it is still the sentence's own time)
        var ownTime = dateSpan is { } dsp && sent.Span.Contains(dsp)
                      || (v.PublicationDate == null && v.Times[s].Any(tm => tm.Range == null && tm.Kind != TimeKind.ConflictStart && !tm.Dateline));
        var ownPlace = !carried && places is { Count: > 0 };
        // (the opening sentence itself may tell it with neither when an armed group is a party: "The government and the rebels
        // signed a ceasefire agreement" is the text's news, on its day and in its country; a deal between states is diplomacy)
        var armedParty = s == 0 && v.Actors[s].Any(a => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia);
        if (development && (carried || background || !(ownTime && ownPlace || (s < LedeSentences && (ownTime || ownPlace)) || armedParty)))
            return;
        // destruction, looting or a base told with a violent event is part of it (not a deal: the fighting it names is what it ends)
        var secondary = subtype == EventSubtype.LootingPropertyDestruction
            || (type == EventType.StrategicDevelopments && subtype is not (EventSubtype.Arrests or EventSubtype.DisruptedWeaponsUse or EventSubtype.Agreement)
                && v.Triggers[s].Any(o => Taxonomy.TypeOf(o.Subtype) != EventType.StrategicDevelopments));
        // "aucune attaque", "personne n'a été attaqué": a denial of an event told elsewhere, not an event
        var negated = v.Modalities[s].Any(m => m.Negation && (m.Span.Overlaps(t.Span) || (m.Span.End <= t.Span.Start && t.Span.Start - m.Span.End < 40)));
        // "du bombardement", "l'attaque" without a time or place of its own: the event already told
        var det = tFirst > sent.FirstToken ? toks[tFirst - 1].Folded : "";
        var ownPrecise = !carried && places is { Count: > 0 } && places.Any(pl => !IsVague(pl));
        var definiteWord = v.Cues.Match(toks, tFirst - 1, tFirst, CueKind.Definite) != null;
        // (past one lower-case adjective: "la livraison de nouveaux missiles")
        // ("shelter from bombing": a word for a kind of violence after "from")
        var nounUse = tFirst > sent.FirstToken && (v.Words.IsDeterminer(det) || v.Words.IsOf(det) || det is "s" or "'s" or "’s" || definiteWord || v.Words.Is("from", det)
                                                   || (tFirst - 1 > sent.FirstToken && toks[tFirst - 1].Kind == TokenKind.Word && !char.IsUpper(v.Text[toks[tFirst - 1].Start])
                                                       && v.Words.IsOf(toks[tFirst - 2].Folded)));
        var demonstrative = tFirst > sent.FirstToken && v.Cues.Match(toks, tFirst - 1, tFirst, CueKind.Demonstrative) != null;
        // "L'attaque s'est déroulée dans la région de X": a definite event word whose verb says it took place (function role
        // took_place, in the next few words) restates the event told before and where it happened
        // (at a place the gazetteer knows, which it can give: a village it does not know stays an event of its own)
        var restates = (definiteWord || demonstrative) && !carried && places is { Count: > 0 } && places.Any(pl => pl.Resolved?.Lat != null) && !ownTime
                       && WordOfRoleBetween(v, "took_place", t.Span.End, toks[Math.Min(sent.EndToken - 1, tFirst + TookPlaceReach)].End);
        // the only outcome the sentence tells is people fleeing ("les habitants d'Esu ont fui à la suite de l'attaque")
        var onlyDisplaced = v.Outcomes[s].Count > 0 && v.Outcomes[s].All(o => o.Outcome == Outcome.Displaced);
        var anaphoric = restates || ((!ownTime || !ownPrecise) && (carried || !ownPrecise) && definiteWord)
                        // "Quatre militaires sont décédés suite à cette embuscade": a demonstrative points back, even at a place
                        || (!ownTime && demonstrative)
                        // "Les habitants d'Esu ont fui à la suite de l'attaque": a definite event word in a sentence that only tells of
                        // people fleeing, with no time of its own, points back at the event, even with the place they fled
                        || (!ownTime && definiteWord && onlyDisplaced);
        // told without a time of its own, a toll or a place in the opening sentences: only joins an event told elsewhere
        var eventFigure = figures.Any(f => f.Scope == ReportScope.Event);
        // a specific event word at a town of its own sentence ("D'autres explosions se sont produites à A et B") is news of the
        // article even without a time: it takes the article's day (not an umbrella or back-reference: "l'attaque", "des combats")
        // (not a town a repeated event is told of: "les djihadistes, qui frappent aussi parfois la capitale Le Caire")
        var placedNews = ownPrecise && !generic && !anaphoric
                         && places!.Any(pl => pl.Relation != PlaceRelation.Region && !IsVague(pl) && !HabitualBefore(v, s, t.Span.End, pl))
                         && v.Cues.Match(toks, tFirst - 1, tFirst, CueKind.Definite) == null && type != EventType.StrategicDevelopments;
        // "has clashed frequently", "s'affrontent régulièrement": a repeated event is not one day's news
        // (a period is no day of its own for a repeated event: "le théâtre de violences depuis deux ans")
        // (a day told before the cue is another clause's: "Wednesday's encounter was part of offensives against the ASG, a group
        // notorious for bombings and kidnappings")
        // (further on in the trigger's own clause too: "Des attentats dans le nord du Sinaï visent quasi quotidiennement les forces")
        var habitual = CueSpans(v, s, CueKind.Habitual).Any(c => c.Start >= toks[Math.Max(sent.FirstToken, tFirst - HabitualBeforeReach)].Start
                           && (c.Start < (tFirst + 5 < sent.EndToken ? toks[tFirst + 5].Start : sent.Span.End)
                               || c.Start > t.Span.End && SameClause(v, t.Span.End, c.Start, HabitualClauseReach))
                           && (!ownTime || v.Times[s].Any(tm => tm.Span == dateSpan && tm.Kind is TimeKind.Duration or TimeKind.PeriodStart or TimeKind.ConflictStart)
                               || dateSpan is { } hd && (hd.End <= c.Start && c.End <= t.Span.Start
                                   // (or in a later clause: "… visent quasi quotidiennement les forces depuis que l'armée a destitué Morsi en 2013")
                                   || c.End <= hd.Start && t.Span.End <= c.Start && !SameClause(v, c.End, hd.Start, int.MaxValue))));
        // "…, alors que les combats se poursuivent entre l'armée et les FSR", "as fighting continues": a clause opened by "as" or
        // "while" that tells fighting going on is the war, even in a sentence with a day of its own
        habitual |= CueSpans(v, s, CueKind.Habitual).Any(c => c.Start >= t.Span.End && v.TokenAt(c.Start) - v.LastTokenBefore(t.Span.End) <= 2)
                     && WordOfRoleBetween(v, "ongoing_clause", toks[Math.Max(sent.FirstToken, tFirst - 3)].Start, toks[tFirst].Start);
        // "It has conducted thousands of air strikes": many events counted at once, with no time of their own, are no one event
        habitual |= !ownTime && tFirst > sent.FirstToken && v.Cues.MatchEndingAt(toks, tFirst - 1, sent.FirstToken, out _, CueKind.ManyEvents) != null;
        var weak = (!ownTime && dateSpan == null && !eventFigure && s >= LedeSentences && !placedNews)
                   // a place carried from an earlier sentence and no time at all
                   || (carried && dateSpan == null)
                   // "épargné par les combats", "l'épicentre des combats": a generic mention
                   // (not an event noun whose doer follows it, at a town in the opening sentences: "El-Fasher a de nouveau été ciblée
                   // par les tirs d'artillerie des Forces de soutien rapide")
                   || (!ownTime && !eventFigure && v.Cues.Match(toks, tFirst - 1, tFirst, CueKind.Generic) != null
                       && !(s < LedeSentences && ownPrecise && DoerRightAfter(v, s, t.Span)))
                   || habitual;
        _ = det;
        // sources
        var sources = new List<string?>();
        var partisan = new List<bool>();
        var sourceSpans = new List<TextSpan>();
        foreach (var sm in v.Sources[s])
        {
            sourceSpans.Add(sm.Full.Length > 0 ? sm.Full : sm.Span);
            if (sources.Contains(sm.Name)) continue;
            sources.Add(sm.Name); partisan.Add(sm.Partisan);
        }
        if (sources.Count == 0) sources.Add(null);
        // modality and hedges
        var modality = Modality.Asserted;
        TextSpan? modSpan = null;
        foreach (var m in v.Modalities[s])
        {
            // a plan in the event word's own words is the event itself: "threatened to kill journalists" is the threat (ACLED other)
            if (m.Modality == Modality.Planned && m.Span.Overlaps(t.Span)) continue;
            if (m.Modality is Modality.Denied or Modality.Planned && !m.Negation) { modality = m.Modality; modSpan = m.Span; }
        }
        // "urged MPs to …", "ont appelé à manifester samedi": an event planned, called for or threatened has not happened (ACLED
        // codes what took place)
        if (modality == Modality.Planned) return;
        // "doivent entamer des négociations et un cessez-le-feu le 8 octobre prochain": a day after the publication is a plan's,
        // nothing that has happened
        if (date != null && v.PublicationDate is { Precision: DatePrecision.Day } today && date.Start.First > today.First) return;
        // "ont fui de peur qu'ils ne s'en prennent à eux", "fled for fear that gunmen would attack": feared, not done
        if (v.Modalities[s].Any(m => m.Unreal && m.Span.End <= t.Span.Start && v.TokenAt(t.Span.Start) - v.TokenAt(m.Span.End - 1) <= UnrealReach
                && !v.Text.AsSpan(m.Span.End, t.Span.Start - m.Span.End).ContainsAny(".;:")))
            return;
        // (the sentence's cue kinds spare the walk when it holds no hedge, or no word of another kind of event)
        var hedged = false;
        for (var i = Math.Max(sent.FirstToken, tFirst - 12); i < Math.Min(sent.EndToken, tFirst + 6) && !hedged && v.Has(s, CueKind.Hedge); i++)
            hedged = v.Cues.Match(toks, i, sent.EndToken, CueKind.Hedge) is { } hedge
                     // ("une nouvelle attaque « probablement jihadiste »", "an attack likely by jihadists": after the event word, a hedge
                     // on who did it, the actor right after it, leaves the event itself certain)
                     && !(i > tFirst && HedgesTheDoer(v, s, toks, i + hedge.Words.Length));
        // "une explosion de gaz", "le procès du massacre", "l'achat de drones armés": the event word names no conflict event,
        // the mention only joins an event told elsewhere
        var notConflict = false;
        for (var i = Math.Max(sent.FirstToken, tFirst - 12); i < Math.Min(sent.EndToken, tFirst + 6) && !notConflict && v.Has(s, CueKind.NotConflict); i++)
            notConflict = v.Cues.Match(toks, i, sent.EndToken, CueKind.NotConflict) != null;
        var caption = v.IsCaption(s);
        var pub = v.PublicationDate;
        // (a week back at most is the news: "last week", which ends seven days before a Sunday's publication)
        var old = date != null && pub is { Precision: DatePrecision.Day } p && date.End.Last < p.First.AddDays(-7);
        // "sentenced three men for a bombing", "to remember the victims of the massacre": an event recalled, not the news
        // (a toll read from a figure is recalled by a verdict anywhere in its sentence: "three militants were sentenced to death")
        var recalls = CueSpans(v, s, CueKind.Recall).ToList();
        var recalled = recalls.Any(c => c.End <= t.Span.Start || t.Rule == FigureRule);
        // "was sentenced to ten years in prison for the attack on a police station": the event word is what the verdict or the
        // remembrance is about, in its own clause: a court case or a commemoration, no event of the day (ACLED codes neither)
        // (every event word of the sentence after the cue must be in that clause: "On the anniversary of the massacre, gunmen
        // attacked the village" tells a new attack)
        if (recalls.Any(c => c.End <= t.Span.Start && v.TokenAt(t.Span.Start) - v.TokenAt(c.End - 1) <= RecallReach
                && v.Triggers[s].Where(o => o.Span.Start >= c.End).All(o => !v.Text.AsSpan(c.End, o.Span.Start - c.End).ContainsAny(",;:"))))
            return;
        // "… trading fire since Hamas attacked Israel on October 7", "depuis que les rebelles ont pris la ville": an event told in a
        // clause opened by "since" is where the period of the sentence starts, background, no event of the news (not "since Monday,
        // gunmen have attacked")
        if (InSinceClause(v, s, tFirst)) return;
        // "près d'un an après des violences intercommunautaires qui avaient fait plus de 100 morts", "two years after the massacre":
        // an event told as what the news came months or years after is background too
        if (AfterLongSpan(v, s, tFirst)) return;
        var optional = background || caption || hedged || old || recalled;

        // "un kamikaze s'est fait exploser… puis des hommes armés ont attaqué les soldats": a battle that follows a suicide
        // bombing is an event of its own (ACLED codes the suicide bomb and the armed clash)
        // bombing, or in the previous sentence of the paragraph ("… devant la base. Des assaillants ont ensuite attaqué les soldats.")
        TextSpan[]? afterBomb = null;
        var bomb = subtype != EventSubtype.ArmedClash ? null
            : v.Triggers[s].LastOrDefault(o => o.Subtype == EventSubtype.SuicideBomb && o.Span.End <= t.Span.Start)
              ?? (s > 0 && v.Paragraph[s - 1] == v.Paragraph[s] ? v.Triggers[s - 1].LastOrDefault(o => o.Subtype == EventSubtype.SuicideBomb) : null);
        if (bomb != null)
        {
            for (var k = Math.Max(sent.FirstToken, v.TokenAt(bomb.Span.End - 1) + 1); k < tFirst && afterBomb == null; k++)
                if (v.Cues.Match(toks, k, tFirst, CueKind.Sequel) is { } sq) afterBomb = [bomb.Span, new TextSpan(toks[k].Start, toks[k + sq.Words.Length - 1].End)];
            // ("Dans la fusillade qui a suivi, tous les assaillants ont été tués", "in the gunfight that followed": the fight named as
            // what followed, function role followed, in the next words)
            for (var k = tFirst + 1; k < Math.Min(sent.EndToken, tFirst + FollowedReach) && afterBomb == null; k++)
                if (v.Words.Is("followed", toks[k].Folded)) afterBomb = [bomb.Span, toks[k].Span];
        }
        if (afterBomb != null) choice.AlsoCoded.Add(new SubtypeCandidate(EventSubtype.SuicideBomb, SubtypeDecision.SuicideBombThenClash, 0, afterBomb));
        // …and with no town of its own, the fight happened where the bomb went off
        if (afterBomb != null && (places == null || carried || places.All(IsVague))
            && PickGroup(PlaceGroups(v, v.SentenceAt(bomb!.Span.Start)), bomb.Span) is { } bombPlaces && bombPlaces.Any(pl => !IsVague(pl)))
            (places, carried) = (bombPlaces, false);

        var evidence = sent.Span;
        // "une mosquée de Kaboul, la capitale afghane": two mentions of one place are one target
        // (and "à Tanguiéta, au Bénin", "…, au nord du Bénin": a country or its part named after a comma, after a town of its own,
        // says where the town is, it is no other target; "sur Tel Aviv et les villes du sud d'Israël" are two)
        var targets = places is { Count: > 0 }
            ? places.Where((pl, i) => !places.Take(i).Any(o => o.Resolved is { Lat: not null } ro && pl.Resolved is { Lat: not null } rp && ro.Lat == rp.Lat && ro.Lon == rp.Lon)
                                      // (a village the gazetteer does not know, "le village de Darey-Daye, au Niger", as well)
                                      && !(IsCountryLevel(pl.Resolved) && AfterAComma(v, pl)
                                           && places.Take(i).Any(o => (o.Resolved is { Precision: < 3 } ro && ro.Country == pl.Resolved!.Country || o.Resolved is null or { Lat: null })
                                                                      && o.Span.End <= pl.Span.Start))
                                      // ("à Bamenda, capitale régionale du Nord-Ouest": the region of a town named before it, after a comma)
                                      && !(pl.Resolved is { Precision: 3, Admin1: { Length: > 0 } } rr && AfterAComma(v, pl)
                                           && places.Take(i).Any(o => o.Resolved is { Precision: < 3 } ro && ro.Country == rr.Country && o.Span.End <= pl.Span.Start
                                                                      && (ro.Admin1 == rr.Admin1 || ro.Admin1 == rr.Name)))
                                      // ("in the attack in Koutougou, in Soum province", "à Madjoari, dans la province de la Kompienga": a
                                      // province or district set off by a comma right after a place says where that place lies, also when
                                      // the gazetteer does not know the place)
                                      && !LocatorOf(v, pl, places.Take(i))
                                      // ("lors d'une conférence de presse à Genève": where a source spoke)
                                      && !AtVenue(v, pl))
                .Select(pl => (PlaceMention?)pl).ToList()
            : [null];
        foreach (var place in targets)
        {
            // "…, who also sometimes strike the capital Nairobi": the place is one of a repeated event
            var habitualPlace = place != null && HabitualBefore(v, s, t.Span.End, place);
            var d = new Draft
            {
                Subtype = subtype, Place = place, Date = date, DateSpan = dateSpan,
                Actor1 = a1, Actor2 = a2, Actor1Span = a1s, Actor2Span = a2s,
                Sources = [.. sources], SourcePartisan = [.. partisan], SourceSpans = [.. sourceSpans],
                Modality = modality, ModalitySpan = modSpan, Optional = optional, OnlyOld = (old || background) && !(caption || hedged || recalled), Hedged = hedged,
                MultiPlace = targets.Count > 1, Evidence = [evidence], TypeEvidence = [t.Span], Generic = generic || secondary || t.Rule == FigureRule, FigureBased = t.Rule == FigureRule,
                Negated = negated, Anaphoric = anaphoric && afterBomb == null,
                OnlyDisplaced = onlyDisplaced, Restates = restates, Definite = demonstrative || (definiteWord && tFirst > sent.FirstToken), NounUse = nounUse, PeopleHit = figures.Any(f => f.Sentence == s && f.Scope == ReportScope.Event), Corroborated = v.Triggers[s].Any(o => o != t && !o.Span.Overlaps(t.Span) && Taxonomy.TypeOf(o.Subtype) == Taxonomy.TypeOf(t.Subtype)), Weak = weak || hedged || caption || notConflict || habitualPlace && !ownTime, Habitual = habitual || habitualPlace, OwnPlace = place != null && !carried, OwnTime = ownTime,
                Division = place != null && IsDivision(v, place),
                Choice = choice.Copy(), Facts = facts, AfterSuicideBomb = afterBomb != null,
                DefaultSubtype = choice.Rule == SubtypeDecision.UmbrellaDefault,
            };
            if (negated) { d.Modality = Modality.Denied; d.ModalitySpan = v.Modalities[s].First(m => m.Negation).Span; }
            d.Sentences.Add(s);
            if (place != null)
            {
                d.Building = v.Words.Is("civilian_building", Fold.String(place.Name).Split(' ')[^1]) || BuildingFeature(v, place);
                foreach (var other in v.Places[s])
                    if (other != place && other.Relation == PlaceRelation.Near && other.Span.Start > place.Span.End) d.Landmarks.Add(Fold.String(other.Name));
                (d.Location, d.Vague) = LocationOf(place);
                if (carried && d.Location.Precision < 2) d.Location.Precision = 1;
            }
            if (d.Actor2?.Kind == ActorKind.Civilians && d.Actor2.Country == null && d.Location?.Country is { } c)
                d.Actor2 = new Actor { Name = d.Actor2.Name, Kind = ActorKind.Civilians, Country = c };
            if (d.Actor1?.Kind is ActorKind.Protesters or ActorKind.Rioters && d.Actor1.Country == null && d.Location?.Country is { } cc)
                d.Actor1 = new Actor { Name = d.Actor1.Name, Kind = d.Actor1.Kind, Country = cc };
            into.Add(d);
        }
    }

    /// <summary>
    /// Whether the words at token <paramref name="k"/>, right after a hedge (past quotes and one word of the agent, "of" or a
    /// determiner: "par", "by", "de", "des"), open an actor of the sentence: the hedge is on who did it, not on what happened.
    /// </summary>
    private static bool HedgesTheDoer(DocView v, int s, IReadOnlyList<Token> toks, int k)
    {
        while (k < toks.Count && toks[k].Kind != TokenKind.Word) k++;
        if (k < toks.Count && toks[k].Folded is var f && (v.Words.Is("agent", f) || v.Words.IsOf(f) || v.Words.IsDeterminer(f))) k++;
        if (k >= toks.Count) return false;
        var at = toks[k].Start;
        foreach (var a in v.Actors[s]) if (a.Span.Start <= at && at < a.Span.End) return true;
        return false;
    }

    /// <summary>
    /// State forces killing or wounding protesters in one clause: "les forces de sécurité ont tué deux manifestants" (forces,
    /// the outcome verb, then the protesters) or "des manifestants tués par la police" (protesters, the verb, "par" the forces).
    /// </summary>
    private static (ActorMention, ActorMention)? ForceOnProtesters(DocView v, int s)
    {
        foreach (var o in v.Outcomes[s])
        {
            if (o.Outcome is not (Outcome.Killed or Outcome.Injured)) continue;
            var force = v.Actors[s].LastOrDefault(a => a.Kind == ActorKind.StateForces && a.Span.End <= o.Span.Start && o.Span.Start - a.Span.End < 40);
            var crowd = v.Actors[s].FirstOrDefault(a => a.Kind == ActorKind.Protesters && a.Span.Start >= o.Span.End && a.Span.Start - o.Span.End < 30);
            if (force != null && crowd != null) return (force, crowd);
            crowd = v.Actors[s].LastOrDefault(a => a.Kind == ActorKind.Protesters && a.Span.End <= o.Span.Start && o.Span.Start - a.Span.End < 30);
            var by = v.Actors[s].FirstOrDefault(a => a.Kind == ActorKind.StateForces && a.Span.Start >= o.Span.End && a.Span.Start - o.Span.End < 30
                && v.Text.AsSpan(o.Span.End, a.Span.Start - o.Span.End).ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => Finders.FunctionWords.InAnyPack("agent", w)));
            if (crowd != null && by != null) return (by, crowd);
            // "des manifestants ont été tués lorsque la police a ouvert le feu": protesters killed, the state's forces the only armed
            // men the sentence names after it
            // (farther when the sentence names the repression: "… ont été tués, hier mercredi, à cause de la répression par les autorités de
            // sécurité", function role repression)
            var wide = WordOfRoleBetween(v, "repression", v.Sentences[s].Span.Start, v.Sentences[s].Span.End) ? 2 : 1;
            var reach = ForceAfterKilling * wide;
            crowd ??= v.Actors[s].LastOrDefault(a => a.Kind == ActorKind.Protesters && a.Span.End <= o.Span.Start && o.Span.Start - a.Span.End < 30 * wide);
            if (crowd != null && o.Outcome == Outcome.Killed && !v.Actors[s].Any(a => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia or ActorKind.Rioters)
                && v.Actors[s].FirstOrDefault(a => a.Kind == ActorKind.StateForces && a.Span.Start >= o.Span.End && a.Span.Start - o.Span.End < reach) is { } later)
                return (later, crowd);
        }
        return null;
    }

    /// <summary>Characters after protesters' killing within which the state's forces named are the ones that killed them.</summary>
    private const int ForceAfterKilling = 80;

    /// <summary>The side of the victims the sentence names (civilians or forces), from its figures and victim words.</summary>
    private static VictimGroup? VictimSide(DocView v, int s, List<FigureMention> figures)
    {
        foreach (var g in figures.Select(f => f.Figure.Group).Concat(v.Victims[s].Select(x => x.Group)))
            if (g is VictimGroup.Civilians or VictimGroup.GovernmentForces) return g;
        return null;
    }

    /// <summary>
    /// "L'armée, appuyée par des soldats de forces alliées, a attaqué…", "troops backed by militias": an actor named as the support
    /// of another is on its side, neither the doer nor the target.
    /// </summary>
    private static bool Ally(DocView v, int s, ActorMention a)
    {
        var fw = v.Words;
        var start = v.TokenAt(a.Span.Start);
        var i = start - 1;
        while (i >= 0 && (fw.IsDeterminer(v.Tokens[i].Folded) || fw.IsOf(v.Tokens[i].Folded) || fw.Is("agent", v.Tokens[i].Folded))) i--;
        // (or "backed by" a few words before it: "soldiers backed by Shiite-led militias")
        return i >= 0 && fw.Is("ally", v.Tokens[i].Folded) || Finders.TriggerFinder.BackingBefore(fw, v.Tokens, start, v.Sentences[s].FirstToken) != null;
    }

    /// <summary>
    /// <paramref name="a"/> is the agent of a passive outcome told after <paramref name="from"/>: "par"/"by" right before it (past
    /// its determiners), an outcome word between, and no punctuation in the way ("quatre personnes dont le chef du village ont
    /// été tuées mardi par des individus armés").
    /// </summary>
    private static bool PassiveAgent(DocView v, int s, int from, ActorMention a)
    {
        var fw = v.Words;
        var i = v.TokenAt(a.Span.Start) - 1;
        while (i >= 0 && (fw.IsDeterminer(v.Tokens[i].Folded) || fw.IsOf(v.Tokens[i].Folded))) i--;
        if (i < 0 || !fw.Is("agent", v.Tokens[i].Folded)) return false;
        var first = v.TokenAt(from);
        if (i - first > PassiveAgentReach) return false;
        for (var k = first; k < i; k++)
            if (v.Tokens[k].Folded is "," or ";" or ":" or "(") return false;
        return v.Outcomes[s].Any(o => v.TokenAt(o.Span.Start) is var ot && ot >= first && ot < i);
    }

    /// <summary>Tokens from a count to the agent of its passive outcome ("… ont été tuées mardi soir par"); measured on the French
    /// and English snippet sets, where the agent came within 10 tokens.</summary>
    private const int PassiveAgentReach = 12;

    /// <summary>A sentence that tells an event names the animals taken (function role <c>cattle</c>).</summary>
    private static bool CattleRaid(DocView v)
    {
        for (var s = 0; s < v.Sentences.Count; s++)
            if (v.Triggers[s].Count > 0 && WordOfRoleBetween(v, "cattle", v.Sentences[s].Span.Start, v.Sentences[s].Span.End)) return true;
        return false;
    }

    /// <summary>The sentence <see cref="ActorsOf"/> read last on this thread and its actors that may be a side, for its other event words.</summary>
    [ThreadStatic] private static (DocView? View, int Sentence, List<ActorMention>? Actors) t_sides;

    /// <summary>
    /// True when <paramref name="a"/> is named right after a fight word that describes an armed actor named just before it ("the
    /// coalition fighting the Houthi group", "les forces combattant l'EI": function role <c>describing_fight</c>).
    /// </summary>
    private static bool FoeInDescription(DocView v, List<ActorMention> actors, ActorMention a)
    {
        var k = v.TokenAt(a.Span.Start) - 1;
        while (k >= 0 && v.Words.IsDeterminer(v.Tokens[k].Folded)) k--;
        return k > 0 && v.Words.Is("describing_fight", v.Tokens[k].Folded) && Finders.TriggerFinder.ArmedActorEndsAt(actors, v.Tokens[k - 1].End);
    }

    /// <summary>
    /// Whether the words at <paramref name="start"/> are an object in an event's phrase: a determiner, "of" or an object word right
    /// before them ("attacked a police post", "un poste de police", "an attack on army positions"), and no agent's word ("killed by
    /// the gunmen") before those.
    /// </summary>
    private static bool ObjectBefore(DocView v, int start)
    {
        var i = v.TokenAt(start) - 1;
        if (i < 0 || !(v.Words.IsDeterminer(v.Tokens[i].Folded) || v.Words.IsOf(v.Tokens[i].Folded) || v.Words.Is("object", v.Tokens[i].Folded))) return false;
        while (i >= 0 && v.Words.IsDeterminer(v.Tokens[i].Folded)) i--;
        return !(i >= 0 && v.Words.Is("agent", v.Tokens[i].Folded));
    }

    /// <summary>The actor is the subject of a clause that tells how things stand at a place: a word of the function role
    /// <c>place_relative</c> ("where", "où") between the event word's end and the actor, and a verb of the role <c>present_state</c>
    /// right after the actor ("where militants … are waging an insurgency", "où des jihadistes sont actifs"); not a clause that tells
    /// the event ("a massacre … where the Russian warplanes bombed Kafr Noran", "au Niger où douze civils ont été tués").</summary>
    private static bool PlaceClauseAbout(DocView v, int from, ActorMention a)
    {
        var end = v.TokenAt(a.Span.End - 1) + 1;
        // (past the words that describe the actor: "militants linked to al Qaeda and Islamic State are")
        var s = v.SentenceAt(a.Span.Start);
        var sentenceEnd = v.Sentences[s].EndToken;
        var k = end;
        while (k < sentenceEnd && k < end + 8 && !v.Words.Is("present_state", v.Tokens[k].Folded) && v.Tokens[k].Kind != TokenKind.Punct) k++;
        if (k >= sentenceEnd || !v.Words.Is("present_state", v.Tokens[k].Folded)) return false;
        // ("où douze civils sont morts", "where two people are reported killed": an outcome right after the verb tells the event)
        if (k + 1 < sentenceEnd && v.Outcomes[s].Any(o => v.TokenAt(o.Span.Start) is var ot && ot > k && ot <= k + 2)) return false;
        return WordOfRoleBetween(v, "place_relative", from, a.Span.Start);
    }

    /// <summary>Perpetrator (the actor before the trigger, else after "par") and target (the actor after it).</summary>
    private static (Actor?, TextSpan?, Actor?, TextSpan?) ActorsOf(DocView v, int s, TriggerMention t)
    {
        // (the actors named neither in a source's words nor as the support of another)
        if (t_sides is not { Actors: { } actors } last || last.View != v || last.Sentence != s)
            t_sides = (v, s, actors = v.Actors[s].Where(a => !InSource(v, s, a.Span) && !Ally(v, s, a)).ToList());
        ActorMention? before = null, after = null, by = null;
        var inside = false;
        foreach (var a in actors)
        {
            // "a military jet dropped bombs", "an army helicopter fired": the actor inside the event word's own phrase did it
            if (t.Span.Contains(a.Span))
            {
                // (… unless it is the object in the phrase, what the phrase aims at: "attacked a police post", "an attack on an army
                // convoy"; not "killed by gunmen", "des drones houthis")
                // (… and the dead a toll names are its target: "trois militaires … tués près de la base de Ngagara")
                var hit = v.Victims[s].Any(x => x.Span.Overlaps(a.Span));
                if (a.Span.Start > t.Span.Start && (hit || ObjectBefore(v, a.Span.Start)) && !a.Wielder) { if (after == null && a.Kind is not ActorKind.Civilians) (after, inside) = (a, true); }
                else if (by == null && a.Kind is not (ActorKind.Civilians or ActorKind.Protesters) && !hit) by = a;
            }
            // ("the Saudi-led coalition fighting the Houthi group killed": the foe named in the words that describe the actor is not
            // the doer)
            else if (a.Span.End <= t.Span.Start) { if (!FoeInDescription(v, actors, a)) before = a; }
            // (not past a "where" that opens a clause about a place: "the assault happened in borderlands where militants … are waging
            // an insurgency")
            else if (a.Span.Start >= t.Span.End && after == null && a.Span.Start - t.Span.End < 60 && !PlaceClauseAbout(v, t.Span.End, a)) after = a;
        }
        // "gunmen, suspected to be herdsmen, attacked": people named between an armed actor and a violent event word describe
        // the actor, they are not the doer (civilians are never the doer of a violent event)
        if (before?.Kind == ActorKind.Civilians && Taxonomy.TypeOf(t.Subtype) is not (EventType.Protests or EventType.Riots or EventType.StrategicDevelopments)
            && actors.LastOrDefault(a => a.Span.End <= before.Span.Start && a.Kind is not ActorKind.Civilians) is { } armed
            && v.TokenAt(before.Span.Start) - v.TokenAt(armed.Span.End - 1) <= 6 && !IsPassive(v, v.TokenAt(t.Span.Start), v.TokenAt(before.Span.End - 1) + 1))
            before = armed;
        var fw = v.Words;
        if (after != null)
        {
            var i = v.TokenAt(after.Span.Start) - 1;
            while (i >= 0 && (fw.IsDeterminer(v.Tokens[i].Folded) || fw.IsOf(v.Tokens[i].Folded))) i--;
            // "recaptured the town of Rutba which had been held by the Islamic State group": the agent of a relative clause
            // after the event word did the relative clause's deed, not the event's
            // (… or of a phrase set off by a comma: "retook Marte on Tuesday, a town seized by jihadists a week earlier")
            var relative = false;
            // (… or of another event word's or outcome's participle between them: "recaptured a town seized last week by jihadists")
            for (var k = v.TokenAt(t.Span.End - 1) + 1; k < i; k++)
                if (fw.Is("relative", v.Tokens[k].Folded) || v.Tokens[k].Kind == TokenKind.Punct
                    || v.Triggers[s].Any(o => o != t && v.TokenAt(o.Span.Start) == k) || v.Outcomes[s].Any(o => v.TokenAt(o.Span.Start) == k)) { relative = true; break; }
            // ("une attaque attribuée à des terroristes", "an attack blamed on militants": the agent of an attribution)
            if (i >= 0 && (fw.Is("agent", v.Tokens[i].Folded) || i > 0 && fw.Is("attributed", v.Tokens[i - 1].Folded)) && !relative) by = after;
            // ("tombée aux mains des talibans", "fell into the hands of the Taliban": whoever the place fell to took it)
            if (i >= 0 && (fw.Is("holder", v.Tokens[i].Folded) || i > 0 && fw.Is("holder", v.Tokens[i - 1].Folded + " " + v.Tokens[i].Folded))
                && Taxonomy.IsTerritoryChange(t.Subtype) && !relative) by = after;
            // "une attaque de la CPC", "l'offensive des jihadistes": an armed group after an event noun and "de" is its doer (a
            // noun: a determiner before the event word; after a verb, "des jihadistes" is the object)
            var tFirst = v.TokenAt(t.Span.Start);
            // (past one lower-case adjective of the event word: "l'attaque jihadiste de Boko Haram")
            var tLast = v.TokenAt(t.Span.End - 1);
            if (by == null && (i == tLast || (i == tLast + 1 && v.Tokens[i].Kind == TokenKind.Word && !char.IsUpper(v.Text[v.Tokens[i].Start])
                                               && !v.Actors[s].Any(o => o != after && v.TokenAt(o.Span.Start) <= i && v.TokenAt(o.Span.End - 1) >= i)))
                && fw.IsOf(v.Tokens[i + 1].Folded) && tFirst > v.Sentences[s].FirstToken
                && fw.IsDeterminer(v.Tokens[tFirst - 1].Folded)
                && (after.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia
                    // (a state's forces too after a noun of an operation, which forces carry out: "un raid de l'armée israélienne")
                    || after.Kind is ActorKind.StateForces or ActorKind.ExternalForces
                       && (fw.Is("operation_noun", v.Tokens[tLast].Folded) || fw.Is("operation_noun", v.Tokens[tFirst].Folded))))
                by = after;
            // "l'attaque jihadiste de Boko Haram", "une attaque jihadiste": an armed group's word right after the event noun is its doer
            // (the group named after "de" when there is one)
            if (by == null && v.TokenAt(after.Span.Start) == tLast + 1 && tFirst > v.Sentences[s].FirstToken && fw.IsDeterminer(v.Tokens[tFirst - 1].Folded)
                && after.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia)
            {
                var k = v.TokenAt(after.Span.End - 1) + 1;
                by = k < v.Sentences[s].EndToken && fw.IsOf(v.Tokens[k].Folded)
                     && v.Actors[s].FirstOrDefault(o => v.TokenAt(o.Span.Start) is var os && (os == k + 1 || (os == k + 2 && fw.IsDeterminer(v.Tokens[k + 1].Folded)))
                                                        && o.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia) is { } named
                    ? named : after;
            }
            // "une frappe israélienne", "des missiles russes": the demonym of the weapon names who used it
            if (after.Wielder && v.TokenAt(after.Span.Start) - v.TokenAt(t.Span.End - 1) <= 3) by = after;
        }
        // "des camps militaires ont été attaqués", "the base was attacked": the subject of a passive event verb is its target
        // (… and so is the subject of "être la cible de": "l'armée annonce être la cible d'attaques")
        var passive = by == null && before != null && (IsPassive(v, v.TokenAt(t.Span.Start), v.TokenAt(before.Span.End - 1) + 1)
                      || Finders.TriggerFinder.TargetBefore(v.TokenAt(t.Span.Start), v.Sentences[s].FirstToken, [before], v.Tokens, v.Words) != null);
        ActorMention? a1 = by ?? (passive ? null : before),
            a2 = by != null ? (before != null && before.Name != by.Name ? before : null) : passive ? before : after;
        // "un Casque bleu a été tué": the actor who is the victim is the target (not "separatist forces attacked": a victim word
        // that is the subject of the event verb itself, with no outcome or passive between them)
        if (a1 != null && by == null && v.Victims[s].Any(x => x.Span.Overlaps(a1.Span))
            && (a1.Span.Start > t.Span.Start || SufferedBefore(v, s, a1.Span.End, t.Span.Start, fw)))
        {
            // "… ont été tués dans une attaque jihadiste": the actor right after the event word is its doer
            var other = (after != null && after.Kind != a1.Kind && after.Kind is not (ActorKind.Civilians or ActorKind.StateForces) ? after : null)
                        ?? actors.LastOrDefault(a => a != a1 && a.Kind != a1.Kind && !v.Victims[s].Any(x => x.Span.Overlaps(a.Span)));
            (a1, a2) = (other, a1);
        }
        // "suspected jihadists killed 20 soldiers in an attack": victims that are the object of an active outcome verb are the
        // target, the actor right before the verb its doer
        if (a1 != null && by == null && a1.Span.End <= t.Span.Start && v.Victims[s].Any(x => x.Span.Overlaps(a1.Span))
            && v.Outcomes[s].LastOrDefault(o => o.Span.End <= a1.Span.Start) is { } verb && v.TokenAt(a1.Span.Start) - v.TokenAt(verb.Span.End - 1) <= 5
            && (v.Words.Is("transitive", v.Tokens[v.TokenAt(verb.Span.End - 1)].Folded) || v.Words.Is("transitive", v.Tokens[v.TokenAt(verb.Span.Start)].Folded))
            && actors.LastOrDefault(a => a.Span.End <= verb.Span.Start) is { } doer && doer.Kind != a1.Kind
            && v.TokenAt(verb.Span.Start) - v.TokenAt(doer.Span.End - 1) <= 3 && !SufferedBefore(v, s, doer.Span.End, verb.Span.Start, fw))
            (a1, a2) = (doer, a1);
        if (a1 == null && a2 != null && actors.Count > 1 && !passive)
            a1 = actors.FirstOrDefault(a => a != a2 && a.Kind != a2.Kind);
        // "L'armée malienne annonce être la cible d'attaques": the speaker is the target too
        if (a2 == null && Finders.TriggerFinder.TargetBefore(v.TokenAt(t.Span.Start), v.Sentences[s].FirstToken, v.Actors[s], v.Tokens, v.Words) is { } aimed
            && v.Actors[s].FirstOrDefault(a => a.Span == aimed) is { } target && (a1 == null || a1 == target))
            (a1, a2) = (null, target);
        // "L'armée repousse une attaque de la CPC", "troops repelled an attack by militants", "a déjoué une tentative d'attaque":
        // the subject of a repelling word defends; the attack's doers (named after it, else the other side) are actor1
        if (Taxonomy.TypeOf(t.Subtype) == EventType.Battles && Repels(v, t) && a1?.Kind is ActorKind.StateForces or ActorKind.ExternalForces
            && a2?.Kind is not (ActorKind.StateForces or ActorKind.ExternalForces))
            (a1, a2) = (a2, a1);
        // (one actor twice: the target named inside the event's own words stays the target)
        if (a1 != null && a2 != null && a1.Name == a2.Name) { if (inside && a2 == after) a1 = null; else a2 = null; }
        return (ToActor(a1), a1?.Span, ToActor(a2), a2?.Span);
    }

    /// <summary>The first words of a context set of lang/xx/triggers.tsv in tokens [first, end) (<c>civilian_site</c>, <c>repel</c>,
    /// <c>mob</c>), or null.</summary>
    internal static TextSpan? ContextIn(DocView v, string set, int first, int end) =>
        Finders.TriggerFinder.Lexicon.Cache.For(Finders.FinderData.LangOf(v.Doc)).FirstInSentence(set, v.Tokens, first, end);

    /// <summary>The words of the sentence that name a place where civilians gather (context set <c>civilian_site</c>), or null.</summary>
    private static TextSpan? CivilianSite(DocView v, int s) => ContextIn(v, "civilian_site", v.Sentences[s].FirstToken, v.Sentences[s].EndToken);

    /// <summary>A word of the event phrase that says its subject fought an attack off (context set <c>repel</c>).</summary>
    private static bool Repels(DocView v, TriggerMention t) => ContextIn(v, "repel", v.TokenAt(t.Span.Start), v.TokenAt(t.Span.End - 1) + 1) != null;

    /// <summary>
    /// The event verb at token <paramref name="trigger"/> is in the passive: a passive auxiliary ("été", "were") right before
    /// it, after its subject ending at <paramref name="subjectEnd"/> ("ont été attaqués", "was attacked"), and no other verb
    /// phrase in between.
    /// </summary>
    private static bool IsPassive(DocView v, int trigger, int subjectEnd)
    {
        var fw = v.Words;
        if (trigger - subjectEnd is < 1 or > 4) return false;
        for (var i = subjectEnd; i < trigger; i++)
            if (v.Tokens[i].Kind == TokenKind.Punct) return false;
        var k = trigger - 1;
        return fw.Is("passive_aux", v.Tokens[k].Folded) && (k == 0 || !fw.IsDeterminer(v.Tokens[k - 1].Folded));
    }

    /// <summary>An outcome ("tués", "killed") or a passive auxiliary ("ont été") between a victim word and the event word.</summary>
    private static bool SufferedBefore(DocView v, int s, int from, int to, Finders.FunctionWords fw)
    {
        // "Soldiers killed at least twelve people in a raid", "Des soldats ont tué douze personnes lors d'un raid": an active
        // transitive outcome verb right after the words, with its object after it, makes them the doer
        if (ActiveVerbAfter(v, s, from, to, fw)) return false;
        // "Gunmen kill 7 villagers": an outcome verb right before the victims it counts is the doer's verb, not a suffering
        if (v.Outcomes[s].Any(o => o.Span.Start >= from && o.Span.End <= to
                && (v.TokenAt(to) - v.TokenAt(o.Span.End - 1) > 2 || v.TokenAt(o.Span.Start) - v.TokenAt(from - 1) > 3))) return true;
        for (var i = v.TokenAt(from); i < v.Tokens.Count && v.Tokens[i].Start < to; i++)
            // "suspected to be herdsmen": an infinitive is not a passive
            if (v.Tokens[i].Start >= from && fw.Is("passive_aux", v.Tokens[i].Folded) && !(i > 0 && fw.Is("infinitive_marker", v.Tokens[i - 1].Folded))) return true;
        return false;
    }

    /// <summary>A passive auxiliary right after the words ("soldiers were killed"): they suffered what the sentence tells.</summary>
    private static bool SufferedAfter(DocView v, int s, TextSpan words)
    {
        var k = v.LastTokenBefore(words.End) + 1;
        // ("ont été enlevés": an active auxiliary may come first)
        if (k < v.Sentences[s].EndToken && v.Words.Is("active_aux", v.Tokens[k].Folded)) k++;
        return k < v.Sentences[s].EndToken && v.Words.Is("passive_aux", v.Tokens[k].Folded);
    }

    /// <summary>Right after <paramref name="from"/> (an active auxiliary at most before it), a transitive outcome verb not in the
    /// passive, whose object follows it before <paramref name="to"/>.</summary>
    private static bool ActiveVerbAfter(DocView v, int s, int from, int to, Finders.FunctionWords fw)
    {
        var i = v.TokenAt(from);
        if (i < v.Tokens.Count && v.Tokens[i].Start >= from && fw.Is("active_aux", v.Tokens[i].Folded)) i++;
        if (i >= v.Tokens.Count || v.Tokens[i].Start >= to || !fw.Is("transitive", v.Tokens[i].Folded)) return false;
        // the object comes right after the verb ("killed at least twelve people", "ont tué mardi douze personnes"), not after a
        // preposition ("22 others kidnapped in two separate attacks")
        // (the words of a bound before a count are part of the object: "at least", "au moins")
        var last = Math.Min(v.Tokens.Count - 1, i + 1 + ObjectReach);
        var boundFrom = int.MaxValue;
        foreach (var n in v.Numbers[s])
            if (n.Bound != Bound.Exact && v.TokenAt(n.Span.Start) is var nk && nk > i && nk <= last + BoundWords) boundFrom = Math.Min(boundFrom, nk - BoundWords);
        for (var k = i + 1; k <= last && v.Tokens[k].Start < to; k++)
        {
            var tk = v.Tokens[k];
            if (v.Victims[s].Any(x => x.Span.Start == tk.Start) || v.Numbers[s].Any(n => n.Span.Start == tk.Start)) return true;
            if (k >= boundFrom) continue;
            if (tk.Kind == TokenKind.Punct || fw.Is("series_preposition", tk.Folded) || fw.Is("list_breaker", tk.Folded) || fw.Is("object", tk.Folded)
                || fw.Is("agent", tk.Folded) || fw.Is("from", tk.Folded)) return false;
        }
        return false;
    }

    /// <summary>Words of a bound before its count ("at least", "au moins").</summary>
    private const int BoundWords = 2;

    /// <summary>Words between a transitive outcome verb and its object ("killed at least twelve", "ont tué mardi au moins douze").</summary>
    private const int ObjectReach = 4;

    private static Actor? ToActor(ActorMention? a) => a == null ? null : new Actor { Name = a.Name, Kind = a.Kind, Country = a.Country };

    /// <summary>Words after a source introduced by its cue ("selon X", "according to X") within which a day still closes the attribution.</summary>
    private const int AttributionTail = 5;

    /// <summary>Tokens back from a time within which the medium of a statement may stand ("said in a statement on Monday").</summary>
    private const int StatementMediumReach = 4;

    /// <summary>"a annoncé mardi", "the military said Monday", "un premier bilan mardi": the day of the statement, not of the event.</summary>
    internal static bool IsReportTime(DocView v, TimeMention t)
    {
        var i = v.TokenAt(t.Span.Start) - 1;
        var floor = Math.Max(0, i - 2);
        // "said in a tweet on Wednesday", "a indiqué dans un communiqué lundi": past the medium of the statement (function role
        // statement_medium)
        for (var m = i; m >= Math.Max(0, i - StatementMediumReach) && v.Tokens[m].Kind != TokenKind.Punct; m--)
            if (v.Words.Is("statement_medium", v.Tokens[m].Folded)) { floor = Math.Max(0, m - 3); break; }
        for (; i >= floor; i--)
        {
            if (v.Tokens[i].Kind == TokenKind.Punct) break;
            if (v.Cues.MatchEndingAt(v.Tokens, i, floor, out _, CueKind.Report) != null) return true;
        }
        // "on Monday in turn said"
        var j = v.LastTokenBefore(t.Span.End) + 1;
        for (var k = j; k < Math.Min(v.Tokens.Count, j + 3); k++)
        {
            if (v.Tokens[k].Kind == TokenKind.Punct) break;
            if (v.Cues.Match(v.Tokens, k, v.Tokens.Count, CueKind.Report) != null) return true;
        }
        // "…, selon les médias et la population locale vendredi", "according to local officials on Monday": the day closes the
        // attribution, it is when the source spoke
        var s = v.SentenceAt(t.Span.Start);
        if (s >= 0)
            foreach (var sm in v.Sources[s])
            {
                var full = sm.Full.Length > 0 ? TextSpan.Cover(sm.Full, sm.Span) : sm.Span;
                if (full.Start > t.Span.Start) continue;
                if (full.Contains(t.Span)) return true;
                // (the phrase may go on past the name the source finder took: "selon les médias et la population locale vendredi")
                var reach = sm.Cue is { } cue && cue.End <= sm.Span.Start ? AttributionTail : 2;
                var last = v.LastTokenBefore(full.End);
                var gap = v.TokenAt(t.Span.Start) - last;
                if (gap < 1 || gap > reach || v.Text.AsSpan(full.End, t.Span.Start - full.End).ContainsAny(",;:.")) continue;
                var clause = false;
                for (var k = last + 1; k < last + gap && !clause; k++)
                    clause = v.Words.Is("complementizer", v.Tokens[k].Folded) || v.Words.Is("relative", v.Tokens[k].Folded);
                if (!clause) return true;
            }
        return false;
    }

    private static bool OtherClause(DocView v, TextSpan a, TextSpan b)
    {
        var (from, to) = a.End <= b.Start ? (a.End, b.Start) : (b.End, a.Start);
        if (to <= from) return false;
        for (var i = v.TokenAt(from); i >= 0 && i < v.Tokens.Count && v.Tokens[i].Start < to; i++)
            if (v.Tokens[i].Start >= from && v.Words.Is("time_clause", v.Tokens[i].Folded)) return true;
        return false;
    }

    private static (DateRange?, TextSpan?, bool) DateOf(DocView v, int s, TextSpan at, bool reportTimeIsEvent = false)
    {
        TimeMention? best = null, report = null;
        var bestDist = int.MaxValue;
        foreach (var t in v.Times[s])
        {
            // a dateline's date is when the text was filed, not when the event happened
            if (t.Kind == TimeKind.ConflictStart || t.Range == null || t.Dateline) continue;
            if (!reportTimeIsEvent && IsReportTime(v, t))
            {
                if (t.Kind == TimeKind.Point && !t.Background) report ??= t;
                continue;
            }
            var d = t.Span.Start >= at.End ? t.Span.Start - at.End : at.Start - t.Span.End;
            // "recovered on Tuesday in Jiribam where a gunfight broke out on Monday": a time across a clause opener is the other clause's
            if (OtherClause(v, t.Span, at)) d += 1000;
            if (Math.Abs(d) < bestDist) { bestDist = Math.Abs(d); best = t; }
        }
        // "in an overnight attack on Monday": a time counted from the publication day gives way to a weekday or a calendar day of
        // the same clause, which names the day the event took (the report may come days later)
        if (best is { FromPublication: true } && v.Times[s].FirstOrDefault(o => o != best && !o.FromPublication && o.Range is { } ro && !o.Dateline
                && o.Kind == TimeKind.Point && ro.Start.Precision == DatePrecision.Day && !IsReportTime(v, o) && !OtherClause(v, o.Span, at)) is { } named)
            best = named;
        // "tôt ce matin, mercredi 27 juillet 2022": a day in apposition to the nearest time says when, as a calendar day
        if (best is { Range: { } br } && v.Times[s].FirstOrDefault(o => o != best && o.Range is { } orr && !o.Dateline && o.Kind == TimeKind.Point
                && o.Span.Start >= best.Span.End && v.TokenAt(o.Span.Start) - v.LastTokenBefore(best.Span.End) == 2
                && v.Tokens[v.LastTokenBefore(best.Span.End) + 1].Folded == ","
                && orr.Start.Precision == DatePrecision.Day && br.Start.Precision is DatePrecision.Day or DatePrecision.Month) is { } apposed)
            best = apposed;
        if (best == null && s > 0 && v.Paragraph[s - 1] == v.Paragraph[s])
            foreach (var t in v.Times[s - 1])
                if (t.Kind == TimeKind.Point && t.Range != null && !t.Background) best = t;
        if (best != null) return (best.Range, best.Span, best.Background);
        // "Abiy Ahmed a annoncé vendredi que les troupes s'étaient emparées de Dansha": with no time of its own, the event
        // happened by the day it was announced, a closer bound than the publication day
        if (report != null) return (report.Range, null, false);
        var pub = v.PublicationDate;
        return (pub is { } p ? DateRange.Single(p) : null, null, false);
    }

    /// <summary>
    /// The actor that opens the sentence (its subject), when the event word's clause has no subject of its own: the word follows a
    /// coordinator ("… and regained control"), a subject pronoun ("it had retaken") or a word that opens a gerund clause ("while
    /// recapturing", "en reprenant"), auxiliaries aside. Null otherwise.
    /// </summary>
    private static ActorMention? SubjectOfClause(DocView v, int s, TriggerMention t)
    {
        var sent = v.Sentences[s];
        var i = v.TokenAt(t.Span.Start) - 1;
        while (i > sent.FirstToken && v.Words.Is("aux", v.Tokens[i].Folded)) i--;
        // "… killed 70 insurgents while recapturing the port town": a gerund after "while", "after" has the sentence's subject too
        if (i <= sent.FirstToken || !(v.Words.Is("coordinator", v.Tokens[i].Folded) || v.Words.Is("subject_pronoun", v.Tokens[i].Folded)
                                      || v.Words.Is("gerund_opener", v.Tokens[i].Folded))) return null;
        // (the subject of a reported clause too: "le sous-préfet a indiqué que les rebelles ont attaqué les positions … et sont
        // entrés dans la ville": the clause opens after its complementizer)
        var k = sent.FirstToken;
        for (var c = i - 1; c > sent.FirstToken; c--)
            if (v.Words.Is("complementizer", v.Tokens[c].Folded)) { k = c + 1; break; }
        var from = v.Tokens[k].Start;
        // (the words of a reported clause are not the source's own, though the source's span may reach over them)
        var reported = k > sent.FirstToken;
        var first = v.Actors[s].FirstOrDefault(a => a.Span.Start >= from && (reported || !InSource(v, s, a.Span)));
        if (first == null || first.Span.End > t.Span.Start || first.Kind is ActorKind.Civilians or ActorKind.Protesters) return null;
        if (v.Words.IsDeterminer(v.Tokens[k].Folded)) k++;
        return v.Tokens[k].Start >= first.Span.Start ? first : null;
    }

    /// <summary>The sentence tells an accident or a natural disaster (a <c>mishap</c> cue: collapse, crash, flood, fire broke out).</summary>
    private static bool Mishap(DocView v, int s) => CueSpans(v, s, CueKind.Mishap).Any();

    /// <summary>Tokens before an event word within which a habitual cue makes the event a repeated one ("are often the scene of
    /// surprise attacks": five).</summary>
    private const int HabitualBeforeReach = 5;

    /// <summary>Tokens after an event word within which a habitual cue of the same clause makes the event a repeated one.</summary>
    private const int HabitualClauseReach = 10;

    /// <summary>Tokens before a place within which a habitual cue makes the place the object of a repeated event.</summary>
    private const int HabitualPlaceReach = 5;

    /// <summary>No clause boundary (punctuation, a relative pronoun, a coordinator, a complementizer) between the two offsets, at
    /// most <paramref name="reach"/> tokens apart.</summary>
    private static bool SameClause(DocView v, int from, int to, int reach)
    {
        var n = 0;
        for (var k = v.TokenAt(from); k < v.Tokens.Count && v.Tokens[k].Start < to; k++, n++)
        {
            var tk = v.Tokens[k];
            if (n > reach || tk.Kind == TokenKind.Punct && tk.Folded != "'" && tk.Folded != "-"
                || tk.Kind == TokenKind.Word && (v.Words.Is("relative", tk.Folded) || v.Words.Is("coordinator", tk.Folded) || v.Words.Is("complementizer", tk.Folded)))
                return false;
        }
        return true;
    }

    /// <summary>"qui frappent aussi parfois la capitale égyptienne Le Caire": a habitual cue after the event word and at most
    /// <see cref="HabitualPlaceReach"/> tokens before the place, in its clause, makes the place one of a repeated event.</summary>
    private static bool HabitualBefore(DocView v, int s, int after, PlaceMention p)
    {
        var at = PhraseStart(p);
        foreach (var c in CueSpans(v, s, CueKind.Habitual))
            if (c.Start >= after && c.End <= at && SameClause(v, c.End, at, HabitualPlaceReach)) return true;
        return false;
    }

    /// <summary>
    /// The spans of the cues of one kind in a sentence. Called for every event word of the sentence: the sentence's cue kinds,
    /// read once per document (<see cref="DocView.Has"/>), spare the walk over its tokens when it holds no cue of the kind.
    /// </summary>
    private static IEnumerable<TextSpan> CueSpans(DocView v, int s, CueKind kind) => v.Has(s, kind) ? CueSpansOf(v, s, kind) : [];

    /// <summary>The walk of <see cref="CueSpans"/> over a sentence that holds a cue of the kind (an iterator made only then).</summary>
    private static IEnumerable<TextSpan> CueSpansOf(DocView v, int s, CueKind kind)
    {
        var sent = v.Sentences[s];
        for (var i = sent.FirstToken; i < sent.EndToken; i++)
            if (v.Cues.Match(v.Tokens, i, sent.EndToken, kind) is { } c)
                yield return new TextSpan(v.Tokens[i].Start, v.Tokens[i + c.Words.Length - 1].End);
    }

    /// <summary>
    /// An event word that tells no political violence: part of an accident's words ("a gas explosion"), property destroyed in
    /// a disaster ("floods destroyed 2,000 homes"), or arrests, damage and killings told with an ordinary crime ("arrested a man
    /// on suspicion of burglary", "a robber shot dead a shopkeeper") when no armed organisation is named.
    /// </summary>
    private static bool NoConflict(DocView v, int s, TriggerMention t)
    {
        var mishaps = CueSpans(v, s, CueKind.Mishap).ToList();
        if (mishaps.Any(m => m.Contains(t.Span))) return true;
        if (mishaps.Count > 0 && t.Subtype == EventSubtype.LootingPropertyDestruction) return true;
        if (!CueSpans(v, s, CueKind.Crime).Any()) return false;
        if (t.Subtype is EventSubtype.Arrests or EventSubtype.LootingPropertyDestruction) return true;
        return t.Subtype is EventSubtype.Attack or EventSubtype.ArmedClash
               && !v.Actors[s].Any(a => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia or ActorKind.ExternalForces);
    }

    /// <summary>The first words of sentence <paramref name="s"/> (before its first comma, at most three) hold a word of another
    /// incident (function role <c>another_incident</c>: "Séparément", "Par ailleurs", "Elsewhere").</summary>
    private static bool OpensOnAnotherIncident(DocView v, int s)
    {
        var sent = v.Sentences[s];
        for (var i = sent.FirstToken; i < Math.Min(sent.EndToken, sent.FirstToken + 3); i++)
        {
            if (v.Tokens[i].Folded == ",") return false;
            if (v.Words.Is("another_incident", v.Tokens[i].Folded)) return true;
        }
        return false;
    }

    /// <summary>Why a mention may not stand as an event by itself (for <see cref="EventGates"/>).</summary>
    private static string GateOf(DocView v, Draft d) =>
        d.Negated ? "denied" : d.Anaphoric ? "back-reference" : d.Hedged ? "hedged" : v.IsCaption(d.Sentences.Min()) ? "caption"
        : d.Weak ? "weak (no time of its own, no toll, past the lede, or generic)" : d.Location == null ? "no place"
        : d.Vague ? "region or country only" : "merged";

    // ---- merging -----------------------------------------------------------------------------

    internal sealed record Assembled(Draft Draft)
    {
        public int? Fatalities { get; set; }
        public List<TextSpan>? FatalitySpans { get; set; }
    }

    internal static string PlaceKey(Draft d)
    {
        // the key is made again only when the draft's place has another name or id than when it was last made
        var loc = d.Location;
        if (d.Key is { } known && (loc == null ? d.KeyOfNoPlace : !d.KeyOfNoPlace && ReferenceEquals(d.KeyName, loc.Name) && d.KeyId == loc.GeonamesId))
            return known;
        var key = loc == null ? "" : loc.GeonamesId is { } id ? "#" + id : Fold.String(loc.Name);
        (d.Key, d.KeyName, d.KeyId, d.KeyOfNoPlace) = (key, loc?.Name, loc?.GeonamesId, loc == null);
        return key;
    }

    private static bool SameDay(DateRange? a, DateRange? b) => a == null || b == null || a.Overlaps(b);

    /// <summary>The event <paramref name="x"/> is undated (a text with no publication day cannot date "dimanche") and the mention
    /// <paramref name="d"/> is dated by a time of its own: nothing says they are one day's ("Le 2 novembre 2022, 69 membres …
    /// avaient été massacrés" is not Sunday's attack).</summary>
    private static bool UndatedAgainstDated(Draft x, Draft d) => x.Date == null && d.Date != null && d.OwnTime;

    /// <summary>
    /// Of the drafts that <paramref name="fits"/>, the one told last at or before <paramref name="d"/>'s first sentence (the
    /// mention a back-reference is nearest to), else the first told after it.
    /// </summary>
    private static Draft? NearestBefore(List<Draft> candidates, Draft d, Func<Draft, bool> fits)
    {
        var at = d.Sentences.Count > 0 ? d.Sentences.Min() : int.MaxValue;
        Draft? before = null, after = null;
        var beforeAt = -1;
        foreach (var x in candidates)
        {
            if (!fits(x)) continue;
            var xAt = x.Sentences.Count > 0 ? x.Sentences.Min() : int.MaxValue;
            if (xAt <= at) { if (xAt > beforeAt || before == null) { before = x; beforeAt = xAt; } }
            else after ??= x;
        }
        return before ?? after;
    }

    private static List<Assembled> MergeDrafts(List<Draft> drafts, Location? countryPoint = null, bool undated = false)
    {
        drafts = SubtypeDecision.Settle(drafts);
        // "le détachement a été la cible d'une violente attaque": an umbrella word that says nothing of its target or doers
        // tells the attack an earlier sentence told on that day, with that sentence's subtype and sides
        // (also, after a strike told in the sentence right before, a definite umbrella word that names no target and no one hit:
        // "air strikes … killed 42 civilians. The attacks hit the towns of Saraqeb and Ehsim on Sunday")
        foreach (var d in drafts.Where(d => d.DefaultSubtype || d.Definite && d.Generic && d.Subtype == EventSubtype.Attack && d.Actor2Span == null && !d.PeopleHit))
        {
            var told = drafts.FirstOrDefault(x => !x.DefaultSubtype && !x.FigureBased && x.Sentences.Min() < d.Sentences.Min()
                && (x.Type is EventType.Battles or EventType.ViolenceAgainstCivilians && d.DefaultSubtype
                    // (a strike or a blast only when told in the sentence right before and the word refers back to it: "A drone fired
                    // two missiles … The attack took place in …")
                    || (x.Type == EventType.ExplosionsRemoteViolence && d.Definite && x.Sentences.Max() == d.Sentences.Min() - 1))
                // (a strike told right before with no day of its own takes the umbrella word's)
                && (SameDay(x.Date, d.Date) || x.Type == EventType.ExplosionsRemoteViolence && !x.OwnTime && d.OwnTime)
                && (d.Location == null || d.Vague || x.Location == null || x.Vague || PlaceKey(x) == PlaceKey(d) || Near(x, d)));
            if (told == null || told.Subtype == d.Subtype) continue;
            d.Subtype = told.Subtype;
            d.Choice.Propose(told.Subtype, SubtypeDecision.UmbrellaIsEarlierEvent, SubtypeDecision.EarlierEventWeight, told.TypeEvidence);
            (d.Actor1, d.Actor1Span, d.Actor2, d.Actor2Span) = (told.Actor1, null, told.Actor2, null);
        }
        var precise = new List<Draft>();
        var floating = new List<Draft>();
        bool IsPrecise(Draft d) => d.Location != null && !d.Vague;
        // "Deux civils et trois rebelles ont été tués vendredi dans une attaque … dans le sud-est de la RCA. Des hommes armés ont
        // attaqué une patrouille des FACA près de la ville de Zémio": an event the opening sentences date but place only by an
        // area, then an event of its type placed at a town of that area by a sentence with no time of its own, are one event on
        // the day told first (the second would take the publication day)
        foreach (var d in drafts)
        {
            // (dated by nothing but the publication day: no time of its sentence or the one before)
            if (!IsPrecise(d) || d.OwnTime || d.DateSpan != null || d.Weak || d.Optional || d.Negated || d.FigureBased || d.Sentences.Count == 0) continue;
            var first = d.Sentences.Min();
            // (the same umbrella word "attaques" may be a clash in one sentence and an attack in the other)
            var dated = drafts.FirstOrDefault(x => x != d && (x.Type == d.Type && (x.Subtype == d.Subtype || x.DefaultSubtype || d.DefaultSubtype)
                                                              || x.Generic && d.Generic && x.Type is EventType.Battles or EventType.ViolenceAgainstCivilians
                                                                 && d.Type is EventType.Battles or EventType.ViolenceAgainstCivilians)
                                                   && !IsPrecise(x) && x.OwnTime && !x.Optional && !x.Negated && !x.Weak
                                                   && x.Sentences.Count > 0 && x.Sentences.Min() < Math.Min(first, LedeSentences) && InArea(d, x));
            if (dated == null || drafts.Any(x => x != d && (x.Type == d.Type || x.Type == dated.Type) && IsPrecise(x) && x.OwnTime && SameDay(x.Date, dated.Date))) continue;
            (d.Date, d.DateSpan) = (dated.Date, dated.DateSpan);
        }
        // an umbrella "attack" at the place and day of a more specific event is that event
        var specific = drafts.Where(d => !d.Generic && !d.Weak && !d.Negated).ToList();
        var rest = new List<Draft>();
        foreach (var d in drafts)
        {
            // but the killing of soldiers and a massacre of civilians in one attack stay two events (a battle and violence against civilians)
            // (the nearest such event told before the umbrella word, which refers back to it: "une attaque à l'explosif … dans l'est
            // de la Colombie. Cette attaque, survenue dans le département d'Arauca", not a headline's mention of the month)
            if (d.Generic && NearestBefore(specific, d, x => x.Type != d.Type && x.Type != EventType.StrategicDevelopments && SameDay(x.Date, d.Date)
                    && !(d.Type == EventType.Battles && x.Type == EventType.ViolenceAgainstCivilians && d.Place != null)
                    // …nor a crowd's act and what others did to it: residents storming a police station after an officer shot a man
                    && !(d.Actor1?.Kind is ActorKind.Rioters or ActorKind.Protesters && x.Actor1 != null && x.Actor1.Kind != d.Actor1.Kind)
                    // …nor a suicide bombing and the gun battle that followed it (ACLED codes both)
                    && !(d.AfterSuicideBomb && x.Subtype == EventSubtype.SuicideBomb)
                    // …nor what a sentence that opens on another incident tells ("Séparément, six policiers ont été tués … après que
                    // des militants ont attaqué leurs unités") and an event told before it
                    && !(d.Separate && x.Sentences.Max() < d.Sentences.Min())
                    && (!IsPrecise(d) || (IsPrecise(x) && (PlaceKey(x) == PlaceKey(d) || (!d.FigureBased && Near(x, d)))))) is { } sp)
            {
                if (RestatesPlace(sp, d)) (sp.Location, sp.Place, sp.Vague) = (d.Location, d.Place, d.Vague);
                // (a word told after it that points back, "32 tués dans une attaque … Un témoin a vu neuf corps après l'explosion",
                // names the attack's weapon: the event is the news the umbrella word told, not a back-reference left out)
                var toldFirst = !d.Anaphoric && d.Sentences.Count > 0 && sp.Sentences.Count > 0 && d.Sentences.Min() < sp.Sentences.Min();
                Absorb(sp, d, keepType: true);
                if (toldFirst) sp.Anaphoric = false;
                continue;
            }
            rest.Add(d);
        }
        var strong = rest.Where(d => !d.Weak && !d.Negated && !d.Anaphoric).ToList();
        // 1. precise mentions: one event per type, place and day
        foreach (var d in strong.Where(IsPrecise))
        {
            var same = precise.FirstOrDefault(x => x.Type == d.Type && PlaceKey(x) == PlaceKey(d) && SameDay(x.Date, d.Date));
            if (same != null) Absorb(same, d); else precise.Add(d);
        }
        // "the rangers were traveling in Narathiwat province when the bomb exploded" beside "a roadside bomb in Narathiwat": an
        // event placed at a province, on the day and of the type of an event placed at a town of that province, is that event
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (d.Location is not { Precision: >= 3, Admin1: not null }) continue;
            var town = precise.FirstOrDefault(x => x != d && x.Type == d.Type && x.Location is { Precision: < 3 } xl && xl.Country == d.Location.Country
                                                   && xl.Admin1 == d.Location.Admin1 && SameDay(x.Date, d.Date));
            if (town == null) continue;
            Absorb(town, d);
            precise.RemoveAt(i);
        }
        // "Une trentaine d'opposants arrêtés à Moscou" … "ont arrêté des manifestants qui tentaient de défiler dimanche à Moscou":
        // arrests at the place and on the day of a protest are that protest's intervention (ACLED codes no arrests event of
        // their own), wherever the text tells them
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (d.Subtype != EventSubtype.Arrests) continue;
            var protest = precise.FirstOrDefault(x => x.Type == EventType.Protests && x.Modality != Modality.Planned && !x.Hedged
                                                      && PlaceKey(x) == PlaceKey(d) && (SameDay(x.Date, d.Date) || !d.OwnTime));
            if (protest == null) continue;
            if (protest.Subtype == EventSubtype.PeacefulProtest)
            {
                protest.Choice.Propose(EventSubtype.ProtestWithIntervention, SubtypeDecision.ProtestWithArrests, SubtypeDecision.NeighbourWeight,
                    [.. protest.TypeEvidence, .. d.TypeEvidence]);
                protest.Subtype = protest.Choice.Winner;
            }
            if (protest.Actor2 == null && d.Actor1?.Kind is ActorKind.StateForces) (protest.Actor2, protest.Actor2Span) = (d.Actor1, d.Actor1Span);
            Absorb(protest, d, keepType: true);
            precise.RemoveAt(i);
        }
        // a mention with no time at all (a headline, "il y a eu une double explosion à Mora") at the place of the event of its
        // type that the opening sentences date is that event, not another one on the publication day (an event dated
        // further down is background: the headline stays the day's news)
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (d.OwnTime || d.DateSpan != null) continue;
            // (or that an earlier sentence dates: "shops were set on fire in A on Monday" … "the men died after the insurgents torched shops in A")
            var dated = precise.FirstOrDefault(x => x != d && x.OwnTime && (x.Sentences.Min() < LedeSentences || x.Sentences.Min() < d.Sentences.Min())
                                                   && x.Type == d.Type && PlaceKey(x) == PlaceKey(d));
            if (dated == null)
            {
                // "Eleven killed in Houthi attack … in Marib" then "… killed in an attack in Marib Governorate on Monday": a headline
                // with no time takes the day the lede gives the event in the area around its town (the two then merge)
                if (d.Sentences.Min() < LedeSentences && strong.FirstOrDefault(x => x != d && !IsPrecise(x) && x.OwnTime && x.Location != null
                        && x.Sentences.Min() < LedeSentences && x.Sentences.Min() > d.Sentences.Min() && x.Type == d.Type && InArea(d, x)) is { } lede)
                    (d.Date, d.DateSpan) = (lede.Date, lede.DateSpan);
                continue;
            }
            Absorb(dated, d);
            precise.RemoveAt(i);
        }
        // "Au village de Kyi Su, des centaines de maisons ont été incendiées": destruction told with no time of its own at the very
        // place of a violent event is part of that event, whatever day it took
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (d.Subtype != EventSubtype.LootingPropertyDestruction || d.OwnTime) continue;
            var violent = precise.FirstOrDefault(x => x != d && x.Type is EventType.Battles or EventType.ViolenceAgainstCivilians or EventType.ExplosionsRemoteViolence
                                                          && PlaceKey(x) == PlaceKey(d));
            if (violent == null) continue;
            (d.Date, d.DateSpan) = (violent.Date, violent.DateSpan);
            Absorb(violent, d, keepType: true);
            precise.RemoveAt(i);
        }
        // "an attack in the county of Wajir" then "Gunmen attacked Qarsa primary school": a place of the next sentence, with no
        // time of its own, details where the event told for a division happened
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (d.OwnTime || d.DateSpan != null || d.Place == null || d.Division) continue;
            var first = d.Sentences.Min();
            var division = precise.FirstOrDefault(x => x != d && x.OwnTime && x.Type == d.Type && x.Division
                && x.Sentences.Max() == first - 1 && PlaceKey(x) != PlaceKey(d));
            if (division == null) continue;
            Absorb(division, d);
            division.Location = d.Location; division.Place = d.Place; division.Vague = d.Vague;
            precise.RemoveAt(i);
        }
        // 2. "près de Damas" when the strike is in a named quarter of it: the precise event
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (d.Place?.Relation != PlaceRelation.Near || d.Location?.Lat == null) continue;
            var target = precise.FirstOrDefault(x => x != d && x.Type == d.Type && x.Place?.Relation == PlaceRelation.In && SameDay(x.Date, d.Date)
                && x.Location?.Lat != null && Vigie.Geo.GreatCircle.Km(x.Location, d.Location) <= SameAreaKm);
            if (target == null) continue;
            Absorb(target, d);
            precise.RemoveAt(i);
        }
        // "A suicide attack … in Pul-i-Khumri killed at least 17 people. The blast hit the Imam Zaman Mosque": a building the gazetteer
        // cannot place, hit on the day of an event of the same type at a town of the document, is in that town
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (!d.Building || d.Location?.Lat != null) continue;
            var town = precise.FirstOrDefault(x => x != d && x.Type == d.Type && x.Location is { Lat: not null, Precision: <= 2 } && SameDay(x.Date, d.Date));
            if (town == null) continue;
            Absorb(town, d);
            precise.RemoveAt(i);
        }
        // "à proximité de la ville de Bambari" in the lede, "au village Matchika, situé à 20 kilomètres de Bambari" further on: the
        // event near a town is the one at the village the text locates from that town, on its day and of its type
        for (var i = precise.Count - 1; i >= 0; i--)
        {
            var d = precise[i];
            if (d.Place is not { Relation: PlaceRelation.Near } near) continue;
            var name = Fold.String(near.Name);
            var target = precise.FirstOrDefault(x => x != d && x.Type == d.Type && x.Place?.Relation == PlaceRelation.In && SameDay(x.Date, d.Date)
                                                     && x.Landmarks.Contains(name));
            if (target == null) continue;
            Absorb(target, d);
            precise.RemoveAt(i);
        }
        // 3. a region, a country or no place: the precise event of the same type and day, else one floating event
        foreach (var d in strong.Where(d => !IsPrecise(d)))
        {
            var target = precise.FirstOrDefault(x => x.Type == d.Type && SameDay(x.Date, d.Date) && !UndatedAgainstDated(x, d) && InArea(x, d))
                         ?? (d.OwnTime ? null : precise.FirstOrDefault(x => x.Type == d.Type && InArea(x, d)))
                         ?? floating.FirstOrDefault(x => x.Type == d.Type && SameDay(x.Date, d.Date));
            if (target != null) Absorb(target, d); else floating.Add(d);
        }
        // 4. mentions that only join: "l'attaque", weak or hedged ones, denials
        foreach (var d in rest.Where(d => d.Weak || d.Negated || d.Anaphoric))
        {
            Draft? target = null;
            if (d.Anaphoric || d.Negated)
                // the article's own news before a background event recalled for context
                // (an umbrella word restating where it took place is the last violent event, whatever its type: "L'attaque s'est
                // déroulée à X" after a clash)
                // (so is "cette attaque", "the attack" at a place of its own whose target gave it another type: "Cette attaque a été
                // menée dans un camp de réfugiés à Tazalit" after an attack that killed soldiers)
                target = precise.Concat(floating).Where(x => x.Type == d.Type || (d.Restates || d.Definite && d.OwnPlace) && (d.Generic || d.DefaultSubtype) && x.Type is not (EventType.Protests or EventType.StrategicDevelopments))
                    .OrderBy(x => x.Type == d.Type ? 0 : 1).ThenBy(x => x.Sentences.Min() < d.Sentences.Min() ? 0 : 1)
                    .ThenBy(x => x.Optional && !d.Optional ? 1 : 0)
                    .ThenByDescending(x => x.Sentences.Where(z => z < d.Sentences.Min()).DefaultIfEmpty(-1).Max()).FirstOrDefault();
            if (target == null && IsPrecise(d))
                target = precise.FirstOrDefault(x => x.Type == d.Type && PlaceKey(x) == PlaceKey(d) && (SameDay(x.Date, d.Date) || !d.OwnTime))
                         ?? floating.FirstOrDefault(x => x.Type == d.Type && (SameDay(x.Date, d.Date) || !d.OwnTime));
            else if (target == null && !d.Negated)
                target = precise.FirstOrDefault(x => x.Type == d.Type && SameDay(x.Date, d.Date))
                         ?? floating.FirstOrDefault(x => x.Type == d.Type && SameDay(x.Date, d.Date));
            // "Des manifestants … ripostent avec des jets de pierres" after a protest the police dispersed, with no riot of its own:
            // the protest turned violent, it is that violent demonstration (ACLED codes the most telling subtype of one protest)
            if (target == null && d.Subtype == EventSubtype.ViolentDemonstration && !d.Negated && !d.Hedged)
                target = precise.Concat(floating).Where(x => x.Type == EventType.Protests && x.Subtype != EventSubtype.ExcessiveForceAgainstProtesters
                                                             && (SameDay(x.Date, d.Date) || !d.OwnTime) && x.Sentences.Min() < d.Sentences.Min())
                    .OrderByDescending(x => x.Sentences.Max()).FirstOrDefault();
            // "les rebelles ont lancé leur attaque" with no victim named, at the place and day of a battle (a town taken, a fight):
            // the attack is that battle
            // (also when the people its sentence names only fled: "Les habitants d'Esu ont fui à la suite de l'attaque")
            if (target == null && d.Anaphoric && !d.Negated && d.Subtype == EventSubtype.Attack && (d.Actor2Span == null || d.OnlyDisplaced) && IsPrecise(d)
                && precise.FirstOrDefault(x => x.Type == EventType.Battles && PlaceKey(x) == PlaceKey(d) && SameDay(x.Date, d.Date)) is { } battle)
            {
                Absorb(battle, d, keepType: true);
                continue;
            }
            // "Une attaque a eu lieu dans la nuit … dans le parc du W. L'attaque a fait 12 morts …, 7 militaires": an attack told first
            // with no one it hit, then restated with the forces it hit, was a fight with those forces
            if (target == null && d.Anaphoric && !d.Negated && d.Generic && d.Subtype == EventSubtype.ArmedClash
                && precise.Concat(floating).LastOrDefault(x => x.Subtype == EventSubtype.Attack && x.Generic && x.Actor2Span == null && !x.PeopleHit && !x.Negated
                                                              && x.Sentences.Max() < d.Sentences.Min() && SameDay(x.Date, d.Date)
                                                              && (!IsPrecise(d) || !IsPrecise(x) || PlaceKey(x) == PlaceKey(d))) is { } told)
            {
                told.Choice.Propose(EventSubtype.ArmedClash, SubtypeDecision.AttackRestatedOnForces, SubtypeDecision.EarlierEventWeight, d.TypeEvidence);
                told.Subtype = told.Choice.Winner;
                (told.Actor2, told.Actor2Span) = (d.Actor2, d.Actor2Span);
                Absorb(told, d, keepType: true);
                continue;
            }
            // "l'attaque" dated by its own sentence on another day is not the event told for that other day
            // (an event dated only by the publication day takes the back-reference's own day instead)
            if (target != null && d.Anaphoric && d.OwnTime && target.OwnTime && !SameDay(target.Date, d.Date))
            {
                // …and, placed, it is an event of its own ("un Casque bleu a été tué samedi dans l'attaque")
                if (IsPrecise(d) && !d.Weak && !d.Negated) precise.Add(d);
                continue;
            }
            if (target == null)
            {
                // "tués dans l'attaque de leur village": a back-reference in the opening sentences with its own time and nothing
                // of its type told before it is the article's news itself
                // (or with a town of its own and its dead: "cinq personnes avaient été tuées dans le bombardement russe de Kharkiv")
                if (d.Anaphoric && !d.Negated && !d.Weak && (d.OwnTime || d.OwnPlace && d.PeopleHit && IsPrecise(d)) && d.Sentences.Min() < LedeSentences)
                {
                    d.Anaphoric = false;
                    (IsPrecise(d) ? precise : floating).Add(d);
                }
                continue;
            }
            // a place the event had not: the floating event is now placed; a denial names where it did not happen
            // (a restatement of where it took place gives a finer place of the same country: RestatesPlace)
            // (an event placed only at its country takes a town of that country: "dans le nord du Burkina Faso" … "le détachement de Déou")
            var takePlace = IsPrecise(d) && d.OwnPlace && !d.Habitual && (!IsPrecise(target) || (d.Negated && target.Location?.Lat == null && d.Place?.Relation == PlaceRelation.In)
                                                           || (!d.Negated && target.Location is { Precision: >= 3 } tl && d.Location!.Precision < 3 && tl.Country == d.Location.Country));
            // a restatement of where it took place gives a finer place of the same country: a town the gazetteer knows where the
            // event had only an area ("…dans le nord du Sinaï. L'attaque s'est déroulée dans la région de Bir Al Abd"), or a
            // division where it had only the country ("…dans l'est de la Colombie. Cette attaque, survenue dans le département d'Arauca")
            if (takePlace || RestatesPlace(target, d))
            {
                target.Location = d.Location; target.Place = d.Place; target.Vague = d.Vague;
                if (!d.Vague && floating.Remove(target)) precise.Add(target);
            }
            Absorb(target, d, keepType: d.Negated || d.Anaphoric);
        }
        // an event known only by a region, a province or a country is kept when it is the news of its sentence (ACLED codes it
        // at the area's point, precision 3): its own specific event word, not generic, hedged, weak, negated, a back-reference,
        // a caption or a background event, no precise event of its type and day took it (step 3), and the document places
        // none of its events at a town (then a region or a country is context: on dev2 that rule removed 11 false events
        // and no true one). With no place at all,
        // it is placed in the document's main country when it is told in the opening sentences; otherwise it is left out
        // (ACLED needs a location). The rule is in docs/FORMAT.md.
        var kept = new List<Draft>(precise);
        Draft? placeless = null;
        foreach (var d in floating)
        {
            if (d.FigureBased || d.Optional || d.Hedged || d.Weak || d.Negated || d.Anaphoric || d.Sentences.Count == 0) continue;
            // an article that places its events at towns tells a region or a country for context ("dans le nord du pays")
            // (the area holds one of them), or for context further down; an area told in the opening sentences that holds
            // none of them is where the news happened ("l'aviation a frappé la bande de Gaza" beside rockets on Tel Aviv)
            // ("une région frontalière du Nigeria" is not in Nigeria)
            // (not one told as another incident: "Separately, four policemen were killed in Kirkuk province")
            // (a development at a town, "175 personnes ont été arrêtées", "the village was set on fire", does not make the area's
            // fighting context: "Des affrontements ont fait 42 morts à Ouaddaï")
            if (precise.Count > 0 && !d.Separate && (d.Sentences.Max() >= LedeSentences || d.Place?.Relation == PlaceRelation.Near
                                                     || precise.Any(x => InArea(x, d) && (x.Type != EventType.StrategicDevelopments || d.Type == EventType.StrategicDevelopments)))) continue;
            // an undated event, or one spread over more than a month, is not one event of an area; but a document with no
            // publication day cannot date what it tells "on Saturday": the news of its opening sentences is kept undated
            if (d.Date is { } when ? when.End.Last.DayNumber - when.Start.First.DayNumber > 31 : !(undated && d.Sentences.Min() < LedeSentences)) continue;
            // "la mission de l'ONU au Mali": a country inside an actor's name is not where the event happened
            if (d.Place is { } pl && new[] { d.Actor1Span, d.Actor2Span }.Any(a => a is { } sp && sp.Contains(pl.Span))) continue;
            // an umbrella word ("attack") is the news only when no other event word of its sentence tells it (a development, "has
            // pledged allegiance to Islamic State", tells no attack)
            if (d.Generic && drafts.Any(o => o != d && o.Subtype != d.Subtype && o.Type != EventType.StrategicDevelopments && o.Sentences.Overlaps(d.Sentences)
                                            && !(d.AfterSuicideBomb && o.Subtype == EventSubtype.SuicideBomb))) continue;
            if (d.Location == null)
            {
                if (countryPoint == null && d.Sentences.Min() < LedeSentences && d.Modality is Modality.Asserted or Modality.Claimed
                    && TellsItsEvent(d) && !d.DefaultSubtype) placeless ??= d;
                if (countryPoint == null || d.Sentences.Min() >= LedeSentences) continue;
                d.Location = new Location
                {
                    Name = countryPoint.Name, Country = countryPoint.Country, Admin1 = countryPoint.Admin1, Lat = countryPoint.Lat, Lon = countryPoint.Lon,
                    GeonamesId = countryPoint.GeonamesId, Precision = countryPoint.Precision == 1 ? 1 : 3,
                    Evidence = countryPoint.Evidence is { Count: > 0 } ev ? [.. ev] : null,
                };
                kept.Add(d);
                continue;
            }
            else if (d.Location.Lat == null) continue;
            d.Location.Precision = 3;
            kept.Add(d);
        }
        // a text that tells no other event and names no place and no country at all (a one-event snippet, a headline: "Police
        // fired water cannon at protesters outside Parliament on Tuesday") still tells that event: it is kept without a location
        if (kept.Count == 0 && placeless != null) kept.Add(placeless);
        return kept.OrderBy(d => d.Sentences.Min()).Select(d => new Assembled(d)).ToList();
    }

    /// <summary>
    /// The restatement <paramref name="d"/> ("L'attaque s'est déroulée dans …", <see cref="Draft.Restates"/>) gives the event it
    /// refers to a finer place of the same country: a town the gazetteer knows where the event had only an area ("…dans le nord du
    /// Sinaï. L'attaque s'est déroulée dans la région de Bir Al Abd"), or a division where it had only the country ("…dans l'est
    /// de la Colombie. Cette attaque, survenue dans le département d'Arauca").
    /// </summary>
    private static bool RestatesPlace(Draft target, Draft d) =>
        d.Restates && d.OwnPlace && !d.Habitual && d.Place is { Resolved: { Lat: not null } dr } dp
        // (a place the restatement only gives a distance from, "the area, which is 15 miles from Jos", is no finer than a village the
        // gazetteer lacks)
        && (target.Location == null || dp.Feature != PlaceMention.DistanceFeature && target.Location.Country == d.Location?.Country
            && (dr.GeonamesId != null && !IsVague(dp) && (target.Place is not { Resolved.GeonamesId: not null } || IsVague(target.Place))
            // (a country's location has no first-level division)
                || dr.Admin1 != null && target.Location is { Precision: >= 3, Admin1: null }));

    /// <summary>Words from a sentence's start within which its subject ("It", "Elle", "L'incident") and its verb of taking place come.</summary>
    private const int RestatedSubjectReach = 5;

    /// <summary>
    /// "It took place in the Lower Shabelle province, on the outskirts of the regional capital Marka", "Elle s'est produite près de
    /// X": a sentence with no event word whose subject is a pronoun or a word for an incident (function role <c>restated_subject</c>)
    /// and whose verb says it took place (role <c>took_place</c>) places the last event told before it, when the place is finer
    /// (<see cref="RestatesPlace"/>).
    /// </summary>
    private static void PlaceByRestatement(DocView v, List<Draft> drafts)
    {
        for (var s = 1; s < v.Sentences.Count; s++)
        {
            if (v.Triggers[s].Count > 0) continue;
            var sent = v.Sentences[s];
            var end = Math.Min(sent.EndToken, sent.FirstToken + RestatedSubjectReach);
            var subject = -1;
            for (var i = sent.FirstToken; i < end && subject < 0; i++)
                if (v.Words.Is("restated_subject", v.Tokens[i].Folded)) subject = i;
            if (subject < 0 || !WordOfRoleBetween(v, "took_place", v.Tokens[subject].End, v.Tokens[Math.Min(sent.EndToken - 1, subject + TookPlaceReach)].End)) continue;
            var groups = PlaceGroups(v, s);
            if (groups.Count == 0 || PickGroup(groups, sent.Span) is not { } group) continue;
            var p = group[0];
            var (loc, vague) = LocationOf(p);
            var said = new Draft { Place = p, Location = loc, Vague = vague, Restates = true, OwnPlace = true };
            var target = drafts.LastOrDefault(d => d.Sentences.Count > 0 && d.Sentences.Max() < s && !d.Weak && !d.Habitual && !d.Optional && !d.FigureBased
                                                   && d.Type is not EventType.StrategicDevelopments && RestatesPlace(d, said));
            if (target == null) continue;
            (target.Place, target.Location, target.Vague) = (p, loc, vague);
            target.Sentences.Add(s);
            target.Evidence.Add(sent.Span);
        }
    }

    /// <summary>
    /// A mention that tells its event as done, not a warning, a plan or a word for a kind of violence: by a doer the sentence
    /// names, or a violent event told by a verb of its own ("they shelled government positions") or with the people it hit
    /// ("l'attaque a fait trois morts"), violence against the people the sentence counts, or a demonstration told by two of its
    /// words ("une marche pacifique pour protester"). "La police a dispersé les supporters" is no demonstration, "a repris les
    /// négociations" no taking, "un tableau a été enlevé" no abduction.
    /// </summary>
    private static bool TellsItsEvent(Draft d)
    {
        if (d.Actor1Span != null) return true;
        if (d.Generic) return false;
        if (d.Type is EventType.ExplosionsRemoteViolence || d.Subtype == EventSubtype.ArmedClash)
            return !d.NounUse || (d.PeopleHit && d.Subtype != EventSubtype.ChemicalWeapon);
        if (d.Type == EventType.ViolenceAgainstCivilians) return d.PeopleHit;
        return d.Type is EventType.Protests or EventType.Riots && d.Corroborated;
    }

    /// <summary>
    /// False when <paramref name="area"/> names a country or a first-level division that <paramref name="x"/>'s place is not in
    /// ("l'aviation a frappé la bande de Gaza" is not the rockets fired on Tel Aviv that day); true when either is unknown.
    /// </summary>
    private static bool InArea(Draft x, Draft area)
    {
        if (area.Location is not { Country: { } country } a || x.Location is not { Country: { } placed } l) return true;
        if (country != placed) return false;
        // an area that is itself a first-level division holds only the places of that division
        return a.Admin1 == null || a.Admin1 != a.Name || l.Admin1 == null || l.Admin1 == a.Admin1;
    }

    private static readonly EventSubtype[] Specificity =
    [
        EventSubtype.GovernmentRegainsTerritory, EventSubtype.NonStateActorOvertakesTerritory, EventSubtype.SuicideBomb,
        EventSubtype.ChemicalWeapon, EventSubtype.AirDroneStrike, EventSubtype.Grenade, EventSubtype.RemoteExplosiveLandmineIed,
        EventSubtype.ShellingArtilleryMissileAttack, EventSubtype.AbductionForcedDisappearance, EventSubtype.SexualViolence,
        // a protest met by force, or turned violent, is that event (ACLED codes the most telling subtype of one protest)
        EventSubtype.ExcessiveForceAgainstProtesters, EventSubtype.ViolentDemonstration, EventSubtype.ProtestWithIntervention,
    ];

    /// <summary>How many tokens back from an event word or a toll a "un an après" may stand.</summary>
    private const int LongAfterReach = 12;

    /// <summary>How many tokens back from an event word a "since" that opens its clause may stand.</summary>
    private const int SinceReach = 8;

    /// <summary>A <see cref="CueKind.LongAfter"/> cue ("un an après", "years after") stands before the event word at token
    /// <paramref name="tFirst"/> in its sentence, within <see cref="LongAfterReach"/> tokens and no comma, semicolon or colon between
    /// (the toll of that event too: "un an après des violences qui avaient fait plus de 100 morts").</summary>
    private static bool AfterLongSpan(DocView v, int s, int tFirst) => CueBefore(v, s, tFirst, CueKind.LongAfter, LongAfterReach) >= 0;

    /// <summary>The event word at token <paramref name="tFirst"/> is in a clause opened by a <see cref="CueKind.SinceClause"/> cue before
    /// it in its sentence (no comma, semicolon or colon between), one that opens a clause, not a time ("since Monday").</summary>
    private static bool InSinceClause(DocView v, int s, int tFirst)
    {
        var after = CueBefore(v, s, tFirst, CueKind.SinceClause, SinceReach);
        // ("since protests began": the event word right after it)
        return after >= 0 && !v.Times[s].Any(tm => tm.Span.Start <= v.Tokens[after].Start && v.Tokens[after].Start < tm.Span.End);
    }

    /// <summary>The token right after the nearest cue of <paramref name="kind"/> that ends at or before token <paramref name="tFirst"/>,
    /// at most <paramref name="reach"/> tokens back in sentence <paramref name="s"/> with no comma, semicolon or colon between; -1 when
    /// there is none.</summary>
    private static int CueBefore(DocView v, int s, int tFirst, CueKind kind, int reach)
    {
        if (!v.Has(s, kind)) return -1;
        var toks = v.Tokens;
        for (var k = tFirst - 1; k >= Math.Max(v.Sentences[s].FirstToken, tFirst - reach); k--)
        {
            if (toks[k].Kind != TokenKind.Word && toks[k].Folded is "," or ";" or ":") return -1;
            if (v.Cues.Match(toks, k, tFirst, kind) is { } c && k + c.Words.Length <= tFirst) return k + c.Words.Length;
        }
        return -1;
    }

    /// <summary>A word of <paramref name="a"/>'s type stands within <see cref="RefineReach"/> characters of the first word of
    /// <paramref name="b"/>'s (where it was told first, not a mention it took in since).</summary>
    private static bool Adjacent(Draft a, Draft b)
    {
        if (b.TypeEvidence.Count == 0) return false;
        var first = b.TypeEvidence.Min(sp => sp.Start);
        return a.TypeEvidence.Any(sp => Math.Abs(sp.Start - first) <= RefineReach);
    }

    /// <summary>How far (characters) a word that tells no event of its own may stand from the event's first word and still make
    /// its subtype more precise: the next sentence or two of a wire story.</summary>
    private const int RefineReach = 400;

    private static void Absorb(Draft into, Draft d, bool keepType = false)
    {
        if (keepType) d = new Draft
        {
            Subtype = into.Subtype, Date = d.Date, DateSpan = d.DateSpan, Actor1 = d.Actor1, Actor2 = d.Actor2, Actor1Span = d.Actor1Span,
            Actor2Span = d.Actor2Span, Sources = d.Sources, SourcePartisan = d.SourcePartisan, SourceSpans = d.SourceSpans, Modality = d.Modality,
            ModalitySpan = d.ModalitySpan, Optional = d.Optional, OnlyOld = d.OnlyOld, Sentences = d.Sentences, Evidence = d.Evidence, TypeEvidence = d.TypeEvidence,
            Location = d.Location, Place = d.Place, Vague = true, Hedged = d.Hedged, Negated = d.Negated, OwnTime = d.OwnTime,
        };
        if (d.Hedged) into.HedgedSubtypes.Add(d.Subtype);
        into.AllSubtypes.Add(into.Subtype);
        into.AllSubtypes.Add(d.Subtype);
        var rankInto = Array.IndexOf(Specificity, into.Subtype);
        var rankD = Array.IndexOf(Specificity, d.Subtype);
        // a hedged or optional mention does not override the subtype of a reported one, nor a word for a kind of violence
        // that tells no event of its own, paragraphs away, the subtype of one told with its doer or its dead ("Russian
        // shelling kills nine" and, paragraphs down, "shelter from bombing"; "l'attentat a fait quatre morts. Une voiture
        // piégée…" is still that attack)
        // (nor does a repeated event's: "fermé depuis des mois à cause des fréquentes attaques aériennes")
        // (a taking whose words name no taker, "la base est tombée aux mains des ennemis", has the trigger's first subtype only: it
        // does not turn one whose taker decided it, "les talibans ont pris le contrôle de la base", into the other)
        if (rankD >= 0 && (rankInto < 0 || rankD < rankInto) && !d.Hedged && !(d.Optional && !into.Optional) && !(d.Habitual && !into.Habitual)
            && (TellsItsEvent(d) || !TellsItsEvent(into) || Adjacent(d, into))
            && !(Taxonomy.IsTerritoryChange(d.Subtype) && Taxonomy.IsTerritoryChange(into.Subtype) && d.Actor1Span == null && into.Actor1Span != null))
        {
            into.Subtype = d.Subtype;
            // the merged mention's own reason, then the merge that makes it the event's
            foreach (var k in d.Choice.Candidates.Where(k => k.Subtype == d.Choice.Winner && k.Rule == d.Choice.Rule)) into.Choice.Candidates.Add(k);
            into.Choice.Propose(d.Subtype, SubtypeDecision.MergeMoreSpecific, SubtypeDecision.MergeWeight, d.TypeEvidence);
        }
        // a date the text gives beats the publication day an undated mention took ("tués hier dans l'attaque…" then a quote
        // without a time: the attack was yesterday)
        if (into.Date == null || (d.Date != null && Days(d.Date) < Days(into.Date) && !d.Optional)
            || (d.Date != null && d.DateSpan != null && into.DateSpan == null && d.OwnTime && !into.OwnTime && !d.Optional))
        { into.Date = d.Date; into.DateSpan = d.DateSpan; }
        // a toll told first (a headline) and the event word that tells it: the event stands on its word
        if (!keepType && !d.FigureBased && !d.Weak && !d.Negated && !d.Anaphoric && !d.Hedged) into.FigureBased = false;
        // (a side the merged mention took is not taken when it is the event's other side already: a strike told with no sides takes
        // the document's armed group as its target, which is the doer of the event it restates)
        if (into.Actor1 == null && d.Actor1 != null && d.Actor1.Name != into.Actor2?.Name) { into.Actor1 = d.Actor1; into.Actor1Span ??= d.Actor1Span; }
        if (into.Actor2 == null && d.Actor2 != null && d.Actor2.Name != into.Actor1?.Name) { into.Actor2 = d.Actor2; into.Actor2Span ??= d.Actor2Span; }
        for (var i = 0; i < d.Sources.Count; i++)
        {
            if (into.Sources.Contains(d.Sources[i])) continue;
            if (d.Sources[i] == null) continue;
            into.Sources.Remove(null);
            into.Sources.Add(d.Sources[i]);
            into.SourcePartisan.Add(d.SourcePartisan.ElementAtOrDefault(i));
        }
        into.SourceSpans.AddRange(d.SourceSpans);
        // (a denial said of a repeated event, "has often hit civilians, but denies doing so", is not said of this one)
        // (nor a denial with neither a place nor a time of its own: "la Russie nie avoir délibérément ciblé des civils" denies no one
        // strike; "a démenti avoir bombardé Gandja" names the one it denies)
        if (d.Modality == Modality.Denied && !d.Habitual && (d.OwnPlace || d.OwnTime)) { into.Modality = d.Modality; into.ModalitySpan = d.ModalitySpan; }
        if (d.Negated) into.Modality = Modality.Denied;
        into.OnlyOld = into.Optional ? into.OnlyOld && (d.OnlyOld || !d.Optional) : d.OnlyOld;
        into.Optional &= d.Optional;
        // (not a habitual mention's list: "Les comtés de Wajir et Mandera … sont souvent le théâtre d'attaques" says nothing of where
        // the day's attack took place, and must not take its toll away)
        if (d.Location != null && !d.Vague && !d.Habitual) into.MultiPlace |= d.MultiPlace;
        foreach (var e in d.Evidence) if (!into.Evidence.Contains(e)) into.Evidence.Add(e);
        foreach (var e in d.TypeEvidence) if (!into.TypeEvidence.Contains(e)) into.TypeEvidence.Add(e);
        into.Sentences.UnionWith(d.Sentences);
        if (into.Location == null && d.Location != null) { into.Location = d.Location; into.Place = d.Place; }
        else if (into.Location != null && d.Location != null && d.Location.Evidence is { } ev && !d.Vague)
            foreach (var e in ev) if (into.Location.Evidence?.Contains(e) == false) into.Location.Evidence.Add(e);
    }

    private static bool SeveralPlacedTolls(List<FigureMention> figures, FigureMention f) =>
        figures.Count(g => g.Figure.Outcome == f.Figure.Outcome && g.Area != null && g.Scope == ReportScope.Event)
            > 1 && figures.Where(g => g.Figure.Outcome == f.Figure.Outcome && g.Area != null).Select(g => g.Area!.Name).Distinct().Count() > 1;

    private static bool Near(Draft a, Draft b) =>
        a.Location?.Lat != null && b.Location?.Lat != null && Vigie.Geo.GreatCircle.Km(a.Location, b.Location) <= SameAreaKm;

    private static int Days(DateRange r) => r.End.Last.DayNumber - r.Start.First.DayNumber;

    // ---- fatalities and output ------------------------------------------------------------------

    private static int? FatalitiesOf(DocView v, Assembled a, List<FigureMention>[] bySentence, IReadOnlyList<FigureMention> all, FoldedNames names,
        List<Assembled> events)
    {
        var d = a.Draft;
        // an event at one place of a list ("the villages of A and B came under attack") takes no toll of its sentences, only one told
        // for its own place ("up to 70 dead in A and 30 dead in B")
        var ownAreaOnly = d.MultiPlace;
        // arrests, looting, a deal, a base set up kill nobody: a toll of their sentence is a fight's or an attack's ("Nineteen people
        // were killed, 22 injured and 18 arrested"); of the strategic developments only a weapon stopped may have its dead
        if (d.Type == EventType.StrategicDevelopments && d.Subtype != EventSubtype.DisruptedWeaponsUse) return null;
        long? best = null;
        var bestComplete = false;
        var shares = new SortedDictionary<int, List<FigureMention>>();
        List<TextSpan>? spans = null;
        // the sentence right after a mention, when it adds only a toll ("On a retrouvé 22 corps")
        var sentences = new List<int>(d.Sentences);
        foreach (var s in d.Sentences)
            if (s + 1 < bySentence.Length && v.Triggers[s + 1].Count == 0 && v.Places[s + 1].All(p => InSource(v, s + 1, p.Span))) sentences.Add(s + 1);
        sentences.Sort();
        // the figures of those sentences in their order (each sentence once), then the tolls given elsewhere for this place and
        // day ("« 37 morts » ... à Gao")
        var earlier = new List<(int Sentence, FigureMention Figure)>();
        var onlyEarlier = false;
        for (var k = 0; k < sentences.Count && !ownAreaOnly; k++)
            if (k == 0 || sentences[k] != sentences[k - 1])
                foreach (var f in bySentence[sentences[k]]) Consider(sentences[k], f);
        // (for an event at one place of a list, only a toll its sentence gives beside other places' own: "70 dead in A and 30 in B",
        // not "ont tué deux manifestants à Boukan et à Sanandaj")
        foreach (var f in all)
            if (f.Area != null && d.Location != null && names.Of(f.Area.Name) == names.Of(d.Location.Name)
                && (f.Period == null || d.Date == null || f.Period.Overlaps(d.Date) || ownAreaOnly && f.TimeSpan == null)
                && (!ownAreaOnly || SeveralPlacedTolls(bySentence[f.Sentence], f)))
                Consider(f.Sentence, f);
        if (best == null && earlier.Count > 0)
        {
            onlyEarlier = true;
            foreach (var (es, ef) in earlier) Consider(es, ef);
        }

        void Consider(int s, FigureMention f)
        {
            if (f.Scope != ReportScope.Event || f.Figure.Outcome != Outcome.Killed) return;
            var sentence = v.Sentences[s].Span;
            var told = sentence.Contains(f.Evidence) ? f.Evidence : f.MoreEvidence.FirstOrDefault(sentence.Contains);
            // "Cette explosion survient cinq jours après un attentat contre une mosquée de Kaboul, qui avait fait au moins cinq morts":
            // a toll told after the words of an event at another place, themselves after this one's, is that event's
            if (told.Length > 0 && NearestWords(d, sentence, told) is { } own && events.Any(o => o != a && PlaceKey(o.Draft) != PlaceKey(d) && WordsBetween(o.Draft, own, told))) return;
            // a sentence with tolls at several places: the toll of this place only
            if (f.Area != null && d.Location != null && SeveralPlacedTolls(bySentence[s], f)
                && names.Of(f.Area.Name) != names.Of(d.Location.Name) && names.Of(f.Area.Name) != names.Of(d.Place?.Name ?? "")) return;
            if (d.Type == EventType.ViolenceAgainstCivilians && f.Figure.Group is VictimGroup.GovernmentForces or VictimGroup.ForeignForces) return;
            // "Houthi missile … kills civilians" and "95 Houthi rebels had been killed … in Marib": the armed group that fired a missile,
            // shells or an air strike is not among its dead; a toll of that group is another event's (a bomb's or a suicide bomber's
            // may be: "an attack with an explosive device, followed by gunfire … One assailant was killed")
            if (d.Subtype is EventSubtype.AirDroneStrike or EventSubtype.ShellingArtilleryMissileAttack && d.Actor1 != null
                && f.Figure.NamedGroup != null && f.Figure.NamedGroup == d.Actor1.Name) return;
            // (the toll of what the news came a year after: "près d'un an après des violences qui avaient fait plus de 100 morts")
            if (f.NumberSpan.Length > 0 && sentence.Contains(f.NumberSpan) && AfterLongSpan(v, s, v.TokenAt(f.NumberSpan.Start))) return;
            // "Le bilan est monté à 12 morts …, a affirmé la télévision, qui avait annoncé plus tôt 10 morts": an earlier toll counts only
            // when no later one is told
            if (!onlyEarlier && sentence.Contains(f.NumberSpan) && (EarlierToll(v, s, f.NumberSpan) || ReportedEarlier(v, s, f.Figure.Evidence?.FirstOrDefault() is { Length: > 0 } ev && sentence.Contains(ev) ? ev : f.NumberSpan)))
            { earlier.Add((s, f)); return; }
            // …and so does what a witness saw ("A Reuters witness saw nine bodies", "a vu une quarantaine de corps")
            if (!onlyEarlier && sentence.Contains(f.NumberSpan) && WitnessCount(v, s, f.NumberSpan)) { earlier.Add((s, f)); return; }
            if (d.Type == EventType.Battles && f.Figure.Group == VictimGroup.Civilians && d.Actor2?.Kind != ActorKind.Civilians) return;
            // a toll for all victims is complete; a group's share of it is not ("19 morts" = 18 civils + 1 soldat)
            var complete = f.Figure.Group == VictimGroup.All;
            if (!complete) (shares.TryGetValue(s, out var l) ? l : shares[s] = []).Add(f);
            if (best == null || (complete && !bestComplete) || (complete == bestComplete && f.Figure.Count < best))
            { best = f.Figure.Count; spans = f.Figure.Evidence; bestComplete = complete; }
        }
        // with no toll for all victims, the shares one sentence gives for different groups add up ("Ten police personnel and a
        // driver were killed": 11); of several sentences, the lowest sum (as for conflicting tolls)
        if (!bestComplete)
        {
            long? lowestSum = null;
            List<TextSpan>? sumSpans = null;
            foreach (var fs in shares.Values)
                if (SumOfGroups(Coordinated(v, fs)) is var (sum, sumOf) && (lowestSum == null || sum < lowestSum)) (lowestSum, sumSpans) = (sum, sumOf);
            // (the shares of different groups told in different sentences add up as well: "killing at least 12 policemen … All five
            // attackers were killed": 17, each group counted once, by its lowest toll)
            if (lowestSum == null && SumOfGroups(shares.Values.SelectMany(fs => fs).Select(f => (f, 0))) is var (across, acrossOf)) (lowestSum, sumSpans) = (across, acrossOf);
            if (lowestSum != null) { best = lowestSum; spans = sumSpans; }
        }
        a.FatalitySpans = spans;
        return best is { } b && b <= int.MaxValue ? (int)b : null;

        // the lowest toll of each group, added up with their evidence, when two groups or more are told; else null
        static (long Sum, List<TextSpan> Spans)? SumOfGroups(IEnumerable<(FigureMention F, int Part)> fs)
        {
            var byGroup = fs.GroupBy(f => (f.F.Figure.Group, f.Part)).Select(g => g.MinBy(f => f.F.Figure.Count).F).ToList();
            return byGroup.Count < 2 ? null : (byGroup.Sum(f => f.Figure.Count), [.. byGroup.SelectMany(f => f.Figure.Evidence ?? [])]);
        }
    }

    /// <summary>The killed tolls of one sentence, each with a part number: a toll joined to the one before it by a list word only
    /// ("quatre gendarmes et un policier", "11 soldiers and one police officer") counts other people than it even when both are of
    /// one victim group, so it takes a part of its own and the two add up; any other toll of a group is another count of the same
    /// people (part 0: the lowest is kept).</summary>
    private static IEnumerable<(FigureMention F, int Part)> Coordinated(DocView v, List<FigureMention> fs)
    {
        var ordered = fs.Where(f => f.NumberSpan.Length > 0).OrderBy(f => f.NumberSpan.Start).ToList();
        var parts = new Dictionary<FigureMention, int>();
        for (var k = 1; k < ordered.Count; k++)
        {
            var (prev, cur) = (ordered[k - 1], ordered[k]);
            if (prev.Figure.Group != cur.Figure.Group || cur.NumberSpan.Start < prev.NumberSpan.End) continue;
            if (!OnlyRoleBetween(v, "addition", prev.NumberSpan.End, cur.NumberSpan.Start)) continue;
            parts[cur] = (parts.TryGetValue(prev, out var p) ? p : 0) + 1;
        }
        foreach (var f in fs) yield return (f, parts.TryGetValue(f, out var part) ? part : 0);
    }

    /// <summary>Between the offsets <paramref name="from"/> and <paramref name="to"/> there is at least one token and every one is
    /// a word of the function-word role (a multi-word form such as "ainsi que" counts word by word).</summary>
    private static bool OnlyRoleBetween(DocView v, string role, int from, int to)
    {
        var n = 0;
        for (var i = v.TokenAt(from); i < v.Tokens.Count && v.Tokens[i].Span.Start < to; i++)
        {
            if (v.Tokens[i].Span.End <= from) continue;
            var f = v.Tokens[i].Folded;
            if (!v.Words.Is(role, f) && !(i + 1 < v.Tokens.Count && v.Words.Is(role, f + " " + v.Tokens[i + 1].Folded))
                && !(i > 0 && v.Words.Is(role, v.Tokens[i - 1].Folded + " " + f))) return false;
            n++;
        }
        return n > 0;
    }

    /// <summary>Words that say a toll was given before a later one (cue kind <c>earlier_toll</c>) among the tokens right before the
    /// figure <paramref name="fig"/> in sentence <paramref name="s"/> ("qui avait annoncé plus tôt 10 morts", "un précédent bilan de 176 morts").</summary>
    /// <summary>Tokens before a count within which a verb of seeing (function role <c>witness_count</c>) makes it a witness's.</summary>
    private const int WitnessReach = 3;

    /// <summary>A count of the dead someone saw at one spot ("saw nine bodies"), not a toll of the whole event.</summary>
    private static bool WitnessCount(DocView v, int s, TextSpan fig) =>
        WordOfRoleBetween(v, "witness_count", v.Tokens[Math.Max(v.Sentences[s].FirstToken, v.TokenAt(fig.Start) - WitnessReach)].Start, fig.Start);

    private static bool EarlierToll(DocView v, int s, TextSpan fig)
    {
        var at = v.TokenAt(fig.Start);
        var first = Math.Max(v.Sentences[s].FirstToken, at - EarlierTollReach);
        if (!v.Cues.Any(v.Tokens, first, at, CueKind.EarlierToll)) return false;
        // (a toll given before, "qui avait annoncé plus tôt", "un précédent bilan": not a time of the day, "Plus tôt aujourd'hui, un
        // Casque bleu a été tué")
        if (v.Cues.Any(v.Tokens, first, at, CueKind.Toll)) return true;
        for (var i = first; i < at; i++)
            if (v.Words.Is("pluperfect_aux", v.Tokens[i].Folded)) return true;
        // ("Earlier reports from sources said nine soldiers were killed": the word of earlier, then a verb of speech, before the count)
        var speech = v.SpeechVerbs;
        for (var i = first; i < at; i++)
            if (v.Cues.Any(v.Tokens, first, i, CueKind.EarlierToll) && speech.Match(v.Tokens, i, at, out _, out _)) return true;
        return false;
    }

    /// <summary>"a sharp increase from the eight deaths initially reported": the word of earlier right after a figure, then a verb of
    /// speech.</summary>
    private static bool ReportedEarlier(DocView v, int s, TextSpan fig)
    {
        var end = v.Sentences[s].EndToken;
        var after = v.TokenAt(fig.End - 1) + 1;
        var speech = v.SpeechVerbs;
        for (var i = after; i < Math.Min(end, after + 2); i++)
            if (v.Cues.Match(v.Tokens, i, end, CueKind.EarlierToll) is { } cue && i + cue.Words.Length < end
                && speech.Match(v.Tokens, i + cue.Words.Length, end, out _, out _)) return true;
        return false;
    }

    /// <summary>Tokens before a figure within which a word says it is an earlier toll ("L'armée avait dans un premier temps évoqué un
    /// bilan de neuf soldats": eight).</summary>
    private const int EarlierTollReach = 9;

    /// <summary>The words that tell <paramref name="d"/>'s type inside <paramref name="sentence"/> nearest to the span
    /// <paramref name="of"/>; null when it has none there.</summary>
    private static TextSpan? NearestWords(Draft d, TextSpan sentence, TextSpan of)
    {
        TextSpan? best = null;
        var bestGap = int.MaxValue;
        foreach (var w in d.TypeEvidence)
        {
            if (!sentence.Contains(w)) continue;
            if (w.GapTo(of) is var gap && gap < bestGap) (best, bestGap) = (w, gap);
        }
        return best;
    }

    /// <summary>Words of <paramref name="d"/>'s type lie strictly between the spans <paramref name="a"/> and <paramref name="b"/>.</summary>
    private static bool WordsBetween(Draft d, TextSpan a, TextSpan b)
    {
        var (from, to) = a.End <= b.Start ? (a.End, b.Start) : (b.End, a.Start);
        foreach (var w in d.TypeEvidence)
            if (w.Start >= from && w.End <= to) return true;
        return false;
    }

    /// <summary>Place names folded once each per document.</summary>
    private sealed class FoldedNames
    {
        private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);

        public string Of(string? name)
        {
            if (name == null) return Fold.String(name);
            if (!_folded.TryGetValue(name, out var folded)) _folded[name] = folded = Fold.String(name);
            return folded;
        }
    }

    /// <summary>
    /// State forces acting outside their own country are external forces: the army of a country whose code differs from the
    /// event's country ("l'armée israélienne" in Gaza or the West Bank, an army shelling a town across the border).
    /// </summary>
    internal static Actor? Abroad(Actor? a, Location? at) =>
        a is { Kind: ActorKind.StateForces, Country: { Length: > 0 } own } && at?.Country is { Length: > 0 } here
        && !string.Equals(own, here, StringComparison.OrdinalIgnoreCase)
            ? new Actor { Name = a.Name, Kind = ActorKind.ExternalForces, Country = own } : a;

    private static Event ToEvent(Draft d, int? fatalities, List<TextSpan>? fatalitySpans)
    {
        // the subtype says who gains: the state regains ground from a non-state group, a non-state group takes it from the state
        // (the sides of a fight merged into the taking keep that direction)
        static bool NonState(Actor? a) => a?.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia;
        static bool State(Actor? a) => a?.Kind is ActorKind.StateForces or ActorKind.ExternalForces;
        if (d.Subtype == EventSubtype.GovernmentRegainsTerritory && NonState(d.Actor1) && State(d.Actor2)
            || d.Subtype == EventSubtype.NonStateActorOvertakesTerritory && State(d.Actor1) && NonState(d.Actor2))
            (d.Actor1, d.Actor2, d.Actor1Span, d.Actor2Span) = (d.Actor2, d.Actor1, d.Actor2Span, d.Actor1Span);
        // a subtype that some mention hedges ("n'a pas souhaité confirmer la prise") yields to a reported one of the same type
        if (d.HedgedSubtypes.Contains(d.Subtype))
        {
            var sure = d.AllSubtypes.Where(x => !d.HedgedSubtypes.Contains(x) && Taxonomy.TypeOf(x) == d.Type)
                .OrderBy(x => Array.IndexOf(Specificity, x) is var r && r >= 0 ? r : int.MaxValue).ToList();
            if (sure.Count > 0 && sure[0] != d.Subtype)
                d.Choice.Propose(sure[0], SubtypeDecision.MergeReportedOverHedged, SubtypeDecision.HedgeWeight, d.TypeEvidence);
            if (sure.Count > 0) d.Subtype = sure[0];
        }
        // force against protesters is the state's, on the protesters (ACLED): the crowd named first is the target, and with no
        // force named the country's police acted
        if (d.Subtype == EventSubtype.ExcessiveForceAgainstProtesters && d.Actor1?.Kind == ActorKind.Protesters && d.Actor2?.Kind != ActorKind.Protesters)
        {
            var country = d.Actor1.Country ?? d.Location?.Country;
            var force = d.Actor2 is { Kind: ActorKind.StateForces or ActorKind.ExternalForces } ? d.Actor2 : CountryPolice(country);
            (d.Actor1, d.Actor2, d.Actor1Span, d.Actor2Span) = (force, d.Actor1, d.Actor2 == force ? d.Actor2Span : null, d.Actor1Span);
        }
        // a protest met by an intervention (arrests, dispersal) was met by the country's police when the text names no force
        // (ACLED: the intervening force is the protest's second actor)
        if (d.Subtype == EventSubtype.ProtestWithIntervention && d.Actor2 == null)
            d.Actor2 = CountryPolice(d.Actor1?.Country ?? d.Location?.Country);
        // a protest told as turned violent: its crowd are rioters (ACLED)
        if (d.Type == EventType.Riots && d.Actor1 is { Kind: ActorKind.Protesters } crowd)
            d.Actor1 = new Actor { Name = crowd.Name.StartsWith("Protesters", StringComparison.Ordinal) ? "Rioters" + crowd.Name["Protesters".Length..] : crowd.Name,
                                   Kind = ActorKind.Rioters, Country = crowd.Country };
        d.Actor1 = Abroad(d.Actor1, d.Location);
        d.Actor2 = Abroad(d.Actor2, d.Location);
        // unarmed people never fire on protesters, drop bombs or shell a town: civilians, protesters or rioters named as the doer
        // of such an event are its victims ("the killing of six protesters" read as who killed; "civilians" of an air strike)
        if (d.Actor1?.Kind is ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters && UnarmedCannotDo(d.Subtype)
            && (d.Actor2 == null || d.Actor2.Kind == d.Actor1.Kind || d.Actor2.Kind is ActorKind.Civilians or ActorKind.Protesters))
        {
            if (d.Actor2 == null) { d.Actor2 = d.Actor1; d.Actor2Span = d.Actor1Span; }
            d.Actor1 = null;
            d.Actor1Span = null;
        }
        // "Russian forces took control of the port of Kherson": a foreign state's forces taking a place from that country's own
        // forces, not from a non-state group beside its government, overtake it (ACLED: a foreign state actor captures territory)
        if (d.Subtype == EventSubtype.GovernmentRegainsTerritory && d.Actor1?.Kind == ActorKind.ExternalForces && !NonState(d.Actor2))
        {
            d.Choice.Propose(EventSubtype.NonStateActorOvertakesTerritory, SubtypeDecision.ForeignForcesTakeTerritory, SubtypeDecision.MergeWeight + 1,
                d.Actor1Span is { } taker ? [.. d.TypeEvidence, taker] : d.TypeEvidence);
            d.Subtype = d.Choice.Winner;
        }
        var modality = d.Modality;
        if (modality == Modality.Asserted && d.SourcePartisan.Count > 0 && d.SourcePartisan.All(x => x) && d.Sources.All(x => x != null))
            modality = Modality.Claimed;
        var fe = new Dictionary<string, List<TextSpan>> { ["type"] = [.. d.TypeEvidence] };
        if (d.DateSpan is { } ds) fe["date"] = [ds];
        if (d.Location?.Evidence is { Count: > 0 } le) fe["location"] = [.. le];
        if (d.Actor1Span is { } s1) fe["actor1"] = [s1];
        if (d.Actor2Span is { } s2) fe["actor2"] = [s2];
        if (d.SourceSpans.Count > 0) fe["sources"] = [.. d.SourceSpans.Distinct()];
        if (fatalitySpans is { Count: > 0 }) fe["fatalities"] = [.. fatalitySpans];
        if (d.ModalitySpan is { } ms) fe["modality"] = [ms];
        return new Event
        {
            Type = d.Type, Subtype = d.Subtype, Date = d.Date, Location = d.Location,
            Actor1 = d.Actor1, Actor2 = d.Actor2, Fatalities = fatalities,
            Sources = d.Sources.Count > 0 ? [.. d.Sources] : [null],
            Modality = modality, Optional = d.Optional,
            Evidence = [.. d.Evidence.OrderBy(e => e.Start)], FieldEvidence = fe,
        };
    }

    /// <summary>Subtypes whose doer is armed: force on protesters, strikes from the air, shelling, explosives planted or thrown.</summary>
    private static bool UnarmedCannotDo(EventSubtype? subtype) => subtype is EventSubtype.ExcessiveForceAgainstProtesters
        or EventSubtype.AirDroneStrike or EventSubtype.ShellingArtilleryMissileAttack or EventSubtype.ChemicalWeapon;

    /// <summary>"Police Forces of Kenya": the police of a country (of no country when it is unknown).</summary>
    internal static Actor CountryPolice(string? country) => new()
    {
        Name = "Police Forces" + (country != null ? " of " + Finders.Countries.Lexicon.For(Vigie.Lexicons.Languages.ActorNames).NameOf(country) : ""),
        Kind = ActorKind.StateForces, Country = country,
    };

    /// <summary>The two sides of the document: its most named state force and its most named non-state armed group.</summary>
    internal sealed class Sides
    {
        public Actor? State { get; private init; }
        public Actor? NonState { get; private init; }

        public static Sides Of(DocView v)
        {
            // the name told most often, and among those told as often the one told first: each name's first mention and count, in
            // the order the names first come, then the first best (a loop, not a GroupBy and two sorts, run for every document)
            static Actor? Top(IEnumerable<ActorMention> xs)
            {
                var groups = new List<(ActorMention First, int Count)>();
                foreach (var a in xs)
                {
                    var k = 0;
                    while (k < groups.Count && groups[k].First.Name != a.Name) k++;
                    if (k == groups.Count) groups.Add((a, 1));
                    else groups[k] = (groups[k].First, groups[k].Count + 1);
                }
                if (groups.Count == 0) return null;
                var best = groups[0];
                foreach (var g in groups)
                    if (g.Count > best.Count || (g.Count == best.Count && g.First.Span.Start < best.First.Span.Start)) best = g;
                return new Actor { Name = best.First.Name, Kind = best.First.Kind, Country = best.First.Country };
            }
            // (a text that says nobody claimed the attack gives it no named doer: "There was no immediate claim of responsibility, though
            // such attacks are often carried out by al-Shabab", "L'attaque n'a pas été revendiquée"; ACLED's "Unidentified Armed Group")
            var said = ContextIn(v, "no_claim", 0, v.Tokens.Count);
            var noClaim = said is { } cue ? v.SentenceAt(cue.Start) : -1;
            // (an armed group named only as a speaker is not the other side: "ont indiqué des responsables talibans" says who told
            // the news, not who struck; a state's officials who speak still say that its forces are a side)
            // (attackers the text names only as unidentified stay as it names them)
            var nonState = Top(v.AllActors.Where(a => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia && !InSource(v, v.SentenceAt(a.Span.Start), a.Span)));
            return new Sides
            {
                State = Top(v.AllActors.Where(a => a.Kind == ActorKind.StateForces)),
                NonState = said != null && nonState != null && !Unnamed(nonState) ? Unclaimed() : nonState,
                NoClaimSentence = noClaim, NoClaim = said,
            };
        }

        /// <summary>The doer of an event nobody claimed (ACLED's "Unidentified Armed Group"), a new one each time (actors are mutable).</summary>
        public static Actor Unclaimed() => new() { Name = "Unidentified armed group", Kind = ActorKind.PoliticalMilitia };

        /// <summary>An actor the text names only as unidentified ("unidentified gunmen", "des hommes armés non identifiés").</summary>
        public static bool Unnamed(Actor a) => a.Name.StartsWith("Unidentified", StringComparison.Ordinal);

        /// <summary>The sentence that says nobody claimed the event (-1 when none does), and its words.</summary>
        public int NoClaimSentence { get; private init; } = -1;
        public TextSpan? NoClaim { get; private init; }

        public Actor? Opposite(Actor a) => a.Kind == ActorKind.StateForces ? NonState : a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia ? State : null;
    }
}
