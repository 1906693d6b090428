package ssgan.report;

import ssgan.format.Formats;
import ssgan.paper.AuthorsScripts;
import ssgan.paper.PaperProtocol;
import ssgan.paper.PaperReference;
import ssgan.paper.PaperTable;
import ssgan.stats.Analysis;
import ssgan.stats.CellSummary;
import ssgan.stats.Gaps;
import ssgan.stats.Judgement;
import ssgan.stats.MeanDifference;
import ssgan.stats.SampleStats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** "Why the low-label cells differ", in words: {@link Gaps} on the page. */
final class GapViews {
    private GapViews() {}

    /** @param assetExists whether a chart was written (one that failed is left out, and named in the problems) */
    static List<PageModel.GapSection> of(Analysis analysis, Predicate<String> assetExists) {
        List<PageModel.GapSection> out = new ArrayList<>();
        for (String dataset : analysis.datasets()) {
            analysis.gaps(dataset).ifPresent(g -> out.add(section(g, analysis.paper(), assetExists)));
        }
        return out;
    }

    /** Whether a gap has a chart: the released script and at least one other protocol at the paper's budget. */
    static boolean charted(Gaps.Gap g) {
        return !g.effects().isEmpty();
    }

    /** The gap's chart, where it has one and it was written; null otherwise. */
    private static String chart(String dataset, Gaps.Gap g, Predicate<String> assetExists) {
        String chart = Assets.gapChart(dataset, g.labels());
        return charted(g) && assetExists.test(chart) ? chart : null;
    }

    private static PageModel.GapSection section(Gaps g, PaperReference paper, Predicate<String> assetExists) {
        List<PageModel.RowView> rows = new ArrayList<>();
        paper.table(g.dataset()).ifPresent(t -> t.rows().stream()
                .filter(r -> r.kind().equals("paper") || r.kind().equals("reproduction"))
                .forEach(r -> rows.add(new PageModel.RowView(r.method(), r.kind(), null, g.labels().stream()
                        .map(l -> r.cell(l).map(GapViews::published)
                                .orElse(new PageModel.TableCell(Formats.NONE, null, null, null, null, "empty")))
                        .toList()))));
        for (Gaps.Protocol p : g.protocols()) {
            CellSummary any = p.cells().values().iterator().next();
            String differs = PaperProtocol.variant(any.setup());
            rows.add(new PageModel.RowView(protocolName(any), "ours", any.figureName() + ", "
                    + any.key().budget() + (differs.equals("faithful") ? "" : " · " + differs),
                    g.labels().stream().map(l -> Optional.ofNullable(p.cells().get(l))
                    .map(GapViews::ours).orElse(new PageModel.TableCell("no runs", null, null, null, null, "empty")))
                    .toList()));
        }
        List<PageModel.GapView> gaps = g.gaps().stream().map(x -> gap(x, chart(g.dataset(), x, assetExists)))
                .toList();
        String caveat = g.reversal().map(GapViews::reversalText).orElse("A screen this short ranks early training"
                + " only; it cannot say where a run of the paper's length ends.");
        return new PageModel.GapSection(g.dataset(), g.labels().stream().map(String::valueOf).toList(), rows, gaps,
                caveat);
    }

    /** A protocol's name, after the authors' script it is where it is one: "the paper week's script (30d4beb): …". */
    static String protocolName(CellSummary c) {
        return script(c).map(s -> s.description() + " (" + s.commit() + "): ").orElse("") + c.key().variant();
    }

    private static Optional<AuthorsScripts.Script> script(CellSummary c) {
        return AuthorsScripts.of(c.setup());
    }

    private static PageModel.TableCell published(PaperTable.Cell c) {
        return new PageModel.TableCell(Formats.published(c.mean(), c.std()),
                c.runs() == null ? null : "n=" + c.runs(), c.checked() ? null : "†", null, null, null);
    }

    private static PageModel.TableCell ours(CellSummary c) {
        int d = c.unit().decimals();
        String text = c.figure().n() == 0 ? "no finished runs"
                : Formats.meanStd(c.figure().mean(), c.figure().std(), d);
        String running = c.inProgress().isEmpty() ? "" : " · " + c.inProgress().size() + " running";
        return new PageModel.TableCell(text, "n=" + c.figure().n() + running, null, c.figureName(),
                "#" + Assets.anchor(c.key()), PageBuilder.verdictCss(c.verdict()));
    }

    private static PageModel.GapView gap(Gaps.Gap g, String chart) {
        CellSummary f = g.faithful();
        int d = f.unit().decimals();
        Judgement j = f.judgement();
        long outside = f.finished().size() - Gaps.inside(f);
        String paper = paperText(g);
        String headline = g.labels() + " labels: the released script's runs give " + meanStd(f.figure(), d) + " ("
                + f.figureName() + ", " + runs(f.figure().n()) + ") against the paper's " + paper + "; "
                + outside + " of " + f.figure().n() + " outside the paper's 95 % prediction interval for one run "
                + Formats.countInterval(j.predictionLow(), j.predictionHigh(), d) + ".";
        List<PageModel.EffectView> effects = g.effects().stream().map(e -> effect(e, d)).toList();
        return new PageModel.GapView(String.valueOf(g.labels()), headline, chart, effects, conclusion(g),
                g.screens().stream().map(s -> screen(s, f)).toList());
    }

    private static PageModel.EffectView effect(Gaps.Effect e, int d) {
        CellSummary c = e.cell();
        MeanDifference m = e.vsFaithful();
        String ci = Double.isFinite(m.ciLow()) ? Formats.interval(m.ciLow(), m.ciHigh(), d) : Formats.NONE;
        return new PageModel.EffectView(c.key().variant(), "#" + Assets.anchor(c.key()), c.figureName(),
                meanStd(c.figure(), d) + " (" + runs(c.figure().n()) + running(c) + ")",
                insideText(e), Formats.signed(m.difference(), d), ci,
                closedText(e), paired(e.paired(), d), paired(e.pairedRaw(), d), findingText(e));
    }

    /** "1 of 3 (2 below)": finished runs inside the paper's range for one run, and on which side the others lie. */
    static String insideText(Gaps.Effect e) {
        String sides = sides(e);
        return e.inside() + " of " + e.cell().finished().size() + (sides.isEmpty() ? "" : " (" + sides + ")");
    }

    /** "2 below, 1 above": the finished runs outside the paper's range for one run, by side; empty when none. */
    private static String sides(Gaps.Effect e) {
        int above = e.outside() - e.below();
        List<String> sides = new ArrayList<>();
        if (e.below() > 0) {
            sides.add(e.below() + " below");
        }
        if (above > 0) {
            sides.add(above + " above");
        }
        return String.join(", ", sides);
    }

    /** "76 % [22 %, 131 %]": the part of the released script's excess over the paper that the protocol removes. */
    static String closedText(Gaps.Effect e) {
        return e.closed().map(c -> percent(c.fraction()) + (Double.isFinite(c.low())
                ? " [" + percent(c.low()) + ", " + percent(c.high()) + "]" : "")).orElse(Formats.NONE);
    }

    private static String percent(double fraction) {
        return Formats.number(100 * fraction, 0) + " %";
    }

    private static String running(CellSummary c) {
        return c.inProgress().isEmpty() ? "" : "; " + c.inProgress().size() + " running";
    }

    static String paired(List<Gaps.Paired> paired, int d) {
        if (paired.isEmpty()) {
            return Formats.NONE;
        }
        return paired.stream().map(p -> "seed " + p.seed() + " " + Formats.signed(p.difference(), d))
                .collect(Collectors.joining(", "));
    }

    static String findingText(Gaps.Effect e) {
        String sign = e.paired().isEmpty() ? "" : "; lower on " + e.lowerOn() + " of " + e.paired().size()
                + " paired seeds" + (e.lowerOn() == e.paired().size() && e.paired().size() > 1
                ? " (all of them: a chance of " + Formats.number(Math.pow(0.5, e.paired().size()), 3)
                + " if the protocol made no difference)" : "");
        String collapses = e.collapses().isEmpty() ? "" : "; " + collapseClause(e, "this protocol");
        return switch (e.finding()) {
            case CLOSES -> "reaches the paper's range where the released script does not" + sign;
            case PASSES -> "below the paper's range where the released script is above it: fewer errors than the"
                    + " paper's runs" + sign;
            case SCATTERS -> "fewer errors than the released script, its mean inside the paper's range, but "
                    + e.outside() + " of " + e.cell().finished().size() + " runs outside it (" + sides(e)
                    + "), more than the paper's runs would give" + sign;
            case NARROWS -> (above(e) ? "fewer errors than the released script, still above the paper's range"
                    : "fewer errors than the released script, but shown worse than the paper") + sign;
            case NO_EFFECT -> "no difference from the released script that these runs can show" + sign;
            case WIDENS -> "more errors than the released script" + sign;
            case TOO_FEW -> "too few finished runs for an interval (" + e.cell().figure().n() + " here)" + sign;
        } + collapses;
    }

    /**
     * "the released script's run of seed 2 collapsed (2773), orig_30d4beb's did not (412)": the released script's
     * collapsed runs against the protocol's runs of the same seeds; {@code who} names the protocol.
     */
    static String collapseClause(Gaps.Effect e, String who) {
        int d = e.cell().unit().runDecimals();
        List<Gaps.Collapse> all = e.collapses();
        List<Gaps.Collapse> also = all.stream().filter(Gaps.Collapse::variantCollapsed).toList();
        List<Gaps.Collapse> clear = all.stream().filter(c -> !c.variantCollapsed()).toList();
        String released = "the released script's " + verb(all, "run", "runs") + " of " + seeds(all) + " collapsed ("
                + figures(all, Gaps.Collapse::faithful, d) + ")";
        if (also.isEmpty()) {
            return released + ", " + who + "'s did not (" + figures(clear, Gaps.Collapse::variant, d) + ")";
        }
        if (clear.isEmpty()) {
            return released + ", and " + who + "'s collapsed as well (" + figures(also, Gaps.Collapse::variant, d)
                    + ")";
        }
        return released + "; " + who + "'s of " + seeds(also) + " collapsed as well ("
                + figures(also, Gaps.Collapse::variant, d) + "), of " + seeds(clear) + " did not ("
                + figures(clear, Gaps.Collapse::variant, d) + ")";
    }

    /** " The released script's run of seed 2 collapsed …." for a conclusion; empty without such a pair. */
    private static String collapseSentence(Gaps.Effect e) {
        if (e.collapses().isEmpty()) {
            return "";
        }
        String clause = collapseClause(e, e.cell().key().variant());
        return " " + Character.toUpperCase(clause.charAt(0)) + clause.substring(1) + ".";
    }

    /** "seed 2", "seeds 2 and 3", "seeds 1, 2 and 3". */
    private static String seeds(List<Gaps.Collapse> collapses) {
        List<String> s = collapses.stream().map(c -> String.valueOf(c.seed())).toList();
        if (s.size() == 1) {
            return "seed " + s.get(0);
        }
        return "seeds " + String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }

    private static String figures(List<Gaps.Collapse> collapses, ToDoubleFunction<Gaps.Collapse>
            figure, int d) {
        return collapses.stream().map(c -> Formats.number(figure.applyAsDouble(c), d))
                .collect(Collectors.joining(", "));
    }

    /**
     * The gap's conclusion, worded by the strongest finding among its protocols. Only a protocol that is one of the
     * authors' scripts explains the gap; a change their code never made (as far as its history shows) only names what
     * costs the released script the cell here, and is worded so.
     */
    static String conclusion(Gaps.Gap g) {
        return reasoned(g).text();
    }

    /**
     * The conclusion as its first sentence, which states the finding (the page's answer line quotes it), and the
     * sentences that follow it: what changed, which change carries the effect, the other protocols.
     */
    record Conclusion(String head, String more) {
        String text() { return head + more; }
    }

    static Conclusion reasoned(Gaps.Gap g) {
        // the fewest runs behind a finding: protocols still too few to judge say nothing, so they do not count
        int n = g.effects().stream().filter(e -> e.finding() != Gaps.Finding.TOO_FEW)
                .mapToInt(e -> e.cell().figure().n()).min().orElse(0);
        String with = " (with " + runs(Math.min(n, g.faithful().figure().n())) + " or more per protocol: a"
                + " difference this many seeds can show, not a precise size)";
        List<Gaps.Effect> authorsReach = found(g, true, Gaps.Finding.CLOSES, Gaps.Finding.PASSES);
        List<Gaps.Effect> othersReach = found(g, false, Gaps.Finding.CLOSES, Gaps.Finding.PASSES);
        List<Gaps.Effect> authorsPart = found(g, true, Gaps.Finding.SCATTERS, Gaps.Finding.NARROWS);
        List<Gaps.Effect> othersPart = found(g, false, Gaps.Finding.SCATTERS, Gaps.Finding.NARROWS);
        // a change the authors never made is named as such wherever it stands beside their scripts
        String alsoAuthors = also(authorsPart, g.labels());
        String alsoOthers = othersPart.isEmpty() ? "" : " Not the authors' code, " + each(othersPart, g.labels())
                + ".";
        if (!authorsReach.isEmpty()) {
            Gaps.Effect first = authorsReach.get(0);
            AuthorsScripts.Script s = script(first.cell()).orElseThrow();
            return new Conclusion("Explained: " + named(List.of(first)) + ", " + does(first, g.labels()) + with
                    + closedClause(first, g) + ".", " The model and the method are the"
                    + " same in both scripts; the gap is what changed between them (" + String.join(", ",
                    s.changes().keySet().stream().sorted().toList()) + ")." + rawAgainstRaw(first, s)
                    + beforeDecay(first, g) + collapseSentence(first)
                    + (othersReach.isEmpty() ? ""
                    : " Also reaching it, but not the authors' code: " + each(othersReach, g.labels()) + ".")
                    + alsoAuthors + alsoOthers);
        }
        if (!othersReach.isEmpty()) {
            return new Conclusion("Reproduced only by changes the authors' code never made: "
                    + each(othersReach, g.labels()) + with + ".", " This names what costs the released script"
                    + " the cell in this reproduction; it does not show that the paper's runs made that change."
                    + alsoAuthors + also(othersPart, g.labels()));
        }
        if (!authorsPart.isEmpty()) {
            Gaps.Effect first = authorsPart.get(0);
            return new Conclusion("Partly explained: " + named(List.of(first)) + ", " + does(first, g.labels())
                    + with + closedClause(first, g) + ".", rawAgainstRaw(first, script(first.cell()).orElseThrow())
                    + beforeDecay(first, g) + collapseSentence(first)
                    + also(authorsPart.subList(1, authorsPart.size()), g.labels()) + (othersPart.isEmpty() ? ""
                    : " Not the authors' code, " + named(othersPart) + verb(othersPart, " lowers", " lower")
                    + " it too."));
        }
        if (!othersPart.isEmpty()) {
            return new Conclusion("Narrowed only by changes the authors' code never made: "
                    + each(othersPart, g.labels()) + with + ".", "");
        }
        if (g.effects().stream().anyMatch(e -> e.finding() != Gaps.Finding.TOO_FEW)) {
            return new Conclusion("Not explained by the protocols run here ("
                    + g.effects().stream().map(e -> e.cell().key().variant()).collect(Collectors.joining(", "))
                    + "): none lowers the error in a way these runs can show.", g.effects().stream()
                    .filter(e -> e.finding() != Gaps.Finding.TOO_FEW).map(e -> shown(e, g) + collapseSentence(e))
                    .collect(Collectors.joining()));
        }
        return new Conclusion(g.effects().isEmpty() ? "Not yet examined: no other protocol has runs of the paper's"
                + " length at " + g.labels() + " labels."
                : "Not yet decided: the other protocols' runs of the paper's length at " + g.labels()
                + " labels have not finished in numbers that allow an interval.", screenHint(g));
    }

    /**
     * What a protocol that shows no lower error does show, so that "not shown" is not read as "no effect": its runs
     * inside the paper's range beside the released script's, its paired seeds, and the interval that includes 0 (or
     * lies above it).
     */
    static String shown(Gaps.Effect e, Gaps.Gap g) {
        int d = e.cell().unit().decimals();
        CellSummary f = g.faithful();
        int releasedInside = Gaps.inside(f);
        MeanDifference m = e.vsFaithful();
        return " For " + named(List.of(e)) + ": " + e.inside() + " of " + runs(e.cell().finished().size())
                + " inside the paper's range (the released script: " + releasedInside + " of " + f.finished().size()
                + ")" + (e.paired().isEmpty() ? "" : ", lower on " + e.lowerOn() + " of " + e.paired().size()
                + " paired seeds") + ", and a difference in mean of " + Formats.signed(m.difference(), d)
                + " whose Welch 95 % CI, " + Formats.interval(m.ciLow(), m.ciHigh(), d) + ", "
                + (m.ciLow() > 0 ? "lies above 0." : "includes 0.");
    }

    /** What a protocol that lowers the error does against the paper's range, as the conclusion says it. */
    static String does(Gaps.Effect e, int labels) {
        return switch (e.finding()) {
            case CLOSES -> "reaches the paper's range at " + labels + " labels where the released script does not";
            case PASSES -> "goes below the paper's range at " + labels + " labels, where the released script is"
                    + " above it: fewer errors than the paper's runs";
            case SCATTERS -> "lowers the mean error into the paper's range at " + labels + " labels, but "
                    + e.outside() + " of its " + runs(e.cell().finished().size()) + " lie outside that range ("
                    + sides(e) + "), more than the paper's runs would give";
            case NARROWS -> above(e) ? "lowers the error but not to the paper's range"
                    : "lowers the error into the paper's range but is shown worse than the paper";
            default -> throw new IllegalArgumentException("no lower error: " + e.finding());
        };
    }

    /** "A (x) reaches …, and B (y) goes below …": each protocol with what it does. */
    private static String each(List<Gaps.Effect> effects, int labels) {
        return effects.stream().map(e -> named(List.of(e)) + " " + does(e, labels))
                .collect(Collectors.joining(", and "));
    }

    /**
     * Where the script also changed which D it reports, whether its training alone carries the effect: the same seeds
     * raw D against raw D (a referee's first question when the released script's figure is its averaged D).
     */
    static String rawAgainstRaw(Gaps.Effect e, AuthorsScripts.Script s) {
        int n = e.pairedRaw().size();
        if (!s.changes().containsKey("reported_d") || n < 2) {
            return "";
        }
        long lower = e.lowerOnRaw();
        String training = String.join(", ", s.changes().keySet().stream().filter(k -> !k.equals("reported_d"))
                .sorted().toList());
        return lower == n
                ? " Raw D against raw D, it is lower on " + lower + " of " + n + " seeds as well, so the change in"
                + " training (" + training + "), not the figure reported, carries the effect."
                : " Raw D against raw D, it is lower on only " + lower + " of " + n + " seeds, so part of the"
                + " effect is the figure reported (reported_d), not the training (" + training + ").";
    }

    /**
     * For a protocol whose learning rate decays late where the released script's does not (30d4beb: from epoch 200),
     * the same seeds raw against raw just before the decay and at the end: which of the two carries the effect.
     */
    static String beforeDecay(Gaps.Effect e, Gaps.Gap g) {
        int start = e.cell().setup().lrDecayStart();
        if (start <= 0 || start >= e.cell().key().epochs() || start == g.faithful().setup().lrDecayStart()) {
            return "";
        }
        List<Gaps.Paired> before = Gaps.pairedRawAt(e, g.faithful(), start);
        if (before.size() < 2) {
            return "";
        }
        List<Integer> seeds = before.stream().map(Gaps.Paired::seed).toList();
        double atStart = before.stream().mapToDouble(Gaps.Paired::difference).average().orElseThrow();
        double atEnd = e.pairedRaw().stream().filter(p -> seeds.contains(p.seed()))
                .mapToDouble(Gaps.Paired::difference).average().orElseThrow();
        if (!(atEnd < 0)) {
            return "";
        }
        int d = e.cell().unit().decimals();
        double lr = e.cell().setup().learningRate();
        double released = g.faithful().setup().learningRate();
        String early = lr == released ? "the rest of its protocol" : "its learning rate (" + plain(lr)
                + " against the released script's " + plain(released) + ")";
        return decayText(start, before.size(), atStart, atEnd, early, d);
    }

    /** A setting's value as written in a config: 0.001, not 0.0010 or 1.0E-3. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The sentence of {@link #beforeDecay}: mean raw − raw differences just before the decay and at the end. */
    static String decayText(int start, int seeds, double atStart, double atEnd, String early, int d) {
        double share = atStart / atEnd;
        String there = share <= 0 ? "none of the effect was there before the decay"
                : percent(share) + " of the effect was there before the decay";
        String carries = share >= 0.75 ? early + ", not the late decay, carries it"
                : share <= 0.25 ? "the late decay, not " + early + ", carries most of it"
                : early + " and the late decay each carry part of it";
        return " At epoch " + start + ", before its learning rate starts to decay, it was "
                + (atStart < 0 ? Formats.number(-atStart, d) + " lower" : Formats.number(atStart, d) + " higher")
                + ", raw D against raw D (mean over the same " + seeds + " seeds), and "
                + Formats.number(-atEnd, d) + " lower at the end, so " + there + ": " + carries + ".";
    }

    /** " Also, A reaches …, and B lowers …." after a conclusion's first protocol; empty without others. */
    private static String also(List<Gaps.Effect> effects, int labels) {
        return effects.isEmpty() ? "" : " Also, " + each(effects, labels) + ".";
    }

    /** The protocol's mean lies above the paper's range for one run. */
    private static boolean above(Gaps.Effect e) {
        return e.cell().figure().mean() > e.cell().judgement().predictionHigh();
    }

    /**
     * "; it removes 76 % of the released script's excess over the paper (95 % CI 22 % to 131 %), and against the
     * paper itself, 2475.0 ± 470.9 (raw D, 2 runs) vs 1677 ± 452, the verdict "consistent but underpowered"".
     */
    private static String closedClause(Gaps.Effect e, Gaps.Gap g) {
        CellSummary c = e.cell();
        return e.closed().map(x -> {
            List<String> notes = new ArrayList<>();
            if (Double.isFinite(x.low())) {
                notes.add("95 % CI " + percent(x.low()) + " to " + percent(x.high()));
            }
            if (x.fraction() > 1) {
                notes.add("over 100 %: its mean is below the paper's");
            }
            return "; it removes " + percent(x.fraction()) + " of the released script's excess over the paper"
                    + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")") + ", and against the paper"
                    + " itself, " + meanStd(c.figure(), c.unit().decimals()) + " (" + c.figureName() + ", "
                    + runs(c.figure().n()) + ") vs " + paperText(g) + ", the verdict \"" + c.verdict().text() + "\"";
        }).orElse("");
    }

    /** The paper's figure for the gap's label count, as published ("1677 ± 452"). */
    private static String paperText(Gaps.Gap g) {
        return g.paper().map(p -> Formats.published(p.mean(), p.std())).orElse(Formats.NONE);
    }

    /** The protocols with one of the findings: the authors' scripts, or the others. */
    private static List<Gaps.Effect> found(Gaps.Gap g, boolean authors, Gaps.Finding... findings) {
        List<Gaps.Finding> wanted = List.of(findings);
        return g.effects().stream().filter(e -> wanted.contains(e.finding())
                && script(e.cell()).isPresent() == authors).toList();
    }

    /**
     * Protocols as a sentence names them: an authors' script by its commit ("the paper week's script (30d4beb),
     * orig_30d4beb"), any other with how it differs from the released script ("no_data_init (data_init=false)").
     */
    private static String named(List<Gaps.Effect> effects) {
        return effects.stream().map(e -> script(e.cell()).map(s -> s.description() + " (" + s.commit() + "), "
                        + e.cell().key().variant())
                .orElse(e.cell().key().variant() + " (" + PaperProtocol.variant(e.cell().setup()) + ")"))
                .collect(Collectors.joining(" and "));
    }

    private static String verb(List<?> subjects, String one, String several) {
        return subjects.size() == 1 ? one : several;
    }

    /** What the longest screen at this label count suggests so far, worded as no more than a lead. */
    private static String screenHint(Gaps.Gap g) {
        return g.screens().stream().findFirst().map(s -> {
            List<String> lower = lowerOnEverySeed(s);
            return lower.isEmpty() ? "" : " A lead, not a finding: at " + s.epochs() + " epochs "
                    + String.join(", ", lower) + (lower.size() == 1 ? " has" : " have")
                    + " fewer raw-D errors than the released script on every seed screened.";
        }).orElse("");
    }

    private static PageModel.ScreenView screen(Gaps.Screen s, CellSummary fullFaithful) {
        int d = fullFaithful.unit().decimals();
        List<PageModel.ScreenRowView> rows = new ArrayList<>();
        for (Gaps.ScreenRow r : s.rows()) {
            List<String> at = new ArrayList<>();
            for (int i = 0; i < s.milestones().size(); i++) {
                at.add(mean(r.raw().get(i), d) + " / " + mean(r.averaged().get(i), d));
            }
            boolean reference = r.cell().key().faithful();
            String effect = reference ? "reference" : Double.isNaN(r.effect()) ? Formats.NONE
                    : Formats.signed(r.effect(), d) + s.share(r).map(share -> " (" + Formats.number(100
                    * share.fraction(), 0) + " % of " + share.of() + "'s)").orElse("");
            rows.add(new PageModel.ScreenRowView(r.cell().key().variant(), "#" + Assets.anchor(r.cell().key()),
                    String.valueOf(r.cell().finished().size()) + (r.cell().inProgress().isEmpty() ? ""
                            : " (+" + r.cell().inProgress().size() + " running)"), at,
                    reference ? Formats.NONE : paired(r.pairedRaw(), d),
                    reference ? Formats.NONE : paired(r.pairedAveraged(), d), effect,
                    !reference && r.lowerOnEverySeed() ? "lower-every-seed" : null));
        }
        List<String> lowerEverywhere = lowerOnEverySeed(s);
        String note = "Each variant's finished runs at " + s.epochs() + " of " + fullFaithful.key().epochs()
                + " epochs, " + fullFaithful.key().labels() + " labels: mean raw-D / averaged-D test errors at epochs "
                + s.milestones().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + "; then, at epoch " + s.epochs() + ", each seed's difference from the faithful run of the same seed"
                + " (the same labeled subset), sorted by the mean raw-D difference (the averaged D lags this early:"
                + " its zero-started average still carries much of its start); beside it, the share of the effect"
                + " of a larger change that contains the variant's (a deviation of the port's, against the whole"
                + " port). "
                + (lowerEverywhere.isEmpty() ? "No variant has fewer raw-D errors than faithful on every seed."
                : "Fewer raw-D errors than faithful on every seed: " + String.join(", ", lowerEverywhere) + ".");
        return new PageModel.ScreenView("Screen: " + s.epochs() + " of " + fullFaithful.key().epochs() + " epochs",
                s.milestones().stream().map(e -> "epoch " + e).toList(), rows, note);
    }

    /** The screen's variants with fewer raw-D errors than faithful on every seed, in the screen's order. */
    private static List<String> lowerOnEverySeed(Gaps.Screen s) {
        return s.rows().stream().filter(r -> !r.cell().key().faithful() && r.lowerOnEverySeed())
                .map(r -> r.cell().key().variant()).toList();
    }

    static String reversalText(Gaps.Reversal r) {
        boolean aheadEarly = r.variantEarly() < r.faithfulEarly();
        return "A screen this short ranks early training only, and the order can turn: at " + r.labels()
                + " labels, seed " + r.seed() + ", " + r.variant() + " is " + (aheadEarly ? "ahead of" : "behind")
                + " the faithful run at epoch " + r.early() + " (" + Formats.number(r.variantEarly(), 0) + " vs "
                + Formats.number(r.faithfulEarly(), 0) + " raw-D errors) and " + (aheadEarly ? "behind" : "ahead")
                + " at epoch " + r.last() + " (" + Formats.number(r.variantLast(), 0) + ", " + r.variantFigure()
                + ", vs " + Formats.number(r.faithfulLast(), 0) + ", " + r.faithfulFigure() + ").";
    }

    private static String meanStd(SampleStats s, int d) {
        return s.n() == 0 ? Formats.NONE : Formats.meanStd(s.mean(), s.std(), d);
    }

    private static String mean(SampleStats s, int d) {
        return s.n() == 0 ? Formats.NONE : Formats.number(s.mean(), d);
    }

    private static String runs(int n) {
        return n + (n == 1 ? " run" : " runs");
    }
}
