import ArgumentParser

@main
struct Practiced: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practiced",
        abstract: "Recommends health-promotion practices from typical experience cases (典型经验案例) to Chinese regions.",
        subcommands: [ImportCommand.self, CasesCommand.self, TokenizeCommand.self, ExportCommand.self, BuildCommand.self, RecommendCommand.self, SimilarCommand.self, ReportCommand.self, ServeCommand.self, EvalCommand.self, SynthCommand.self, BenchCommand.self]
    )
}
