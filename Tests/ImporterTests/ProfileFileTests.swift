import Features
import Foundation
import Importer
import Profiles
import Testing

/// Profile files as users bring them: CSV, JSON Lines, JSON, a plan document.
@Suite struct ProfileFileTests {
    func write(_ data: Data, _ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @Test func csvRowsWithListsBooleansAndAQuotedLineBreak() throws {
        let csv = """
            \u{FEFF}id,name,level,terrain,economy,ethnic_minority,aging_share,focus,text
            A1,甲县,county,mountain;hill,former_poverty,是,0.21,health_literacy|fitness,"山区县，
            看病难"
            A2,乙区,district,,developed,false,,,城市社区老人多

            """
        let rows = try ProfileFile.read(write(Data(csv.utf8), "regions.csv"))
        #expect(rows.map(\.line) == [2, 4])
        let first = try rows[0].profile.get()
        #expect(first.id == "A1" && first.level == "county" && first.terrain == ["mountain", "hill"])
        #expect(first.ethnicMinority == true && first.agingShare == 0.21 && first.focus == ["health_literacy", "fitness"])
        #expect(first.text == "山区县，\n看病难")
        let second = try rows[1].profile.get()
        #expect(second.terrain == nil && second.ethnicMinority == false && second.economy == "developed")
    }

    @Test func aBadRowIsReportedWithItsLineAndTheOthersAreKept() throws {
        let csv = "id,population,text\nA1,1000,山区\nA2,many,平原\nA3,,海岛\n"
        let url = try write(Data(csv.utf8), "regions.csv")
        let rows = try ProfileFile.read(url)
        #expect(rows.count == 3)
        #expect(rows.filter { (try? $0.profile.get()) != nil }.map(\.line) == [2, 4])
        guard case .failure(let error) = rows[1].profile else { Issue.record("row 3 should fail"); return }
        #expect(rows[1].line == 3 && error.field == "population" && error.message.contains("many"))
        #expect(throws: ProfileError.self) { try ProfileFile.readAll(url) }
        do { _ = try ProfileFile.readAll(url) } catch let error as ProfileError { #expect(error.field.contains("regions.csv:3")) }
    }

    @Test func anUnknownColumnIsRefused() throws {
        let url = try write(Data("id,terain\nA1,mountain\n".utf8), "regions.csv")
        do {
            _ = try ProfileFile.read(url)
            Issue.record("an unknown column should be refused")
        } catch let error as ProfileError {
            #expect(error.message.contains("terain"))
        }
    }

    @Test func gb18030CsvIsConverted() throws {
        // "id,text\nB1,山区县\n" in GB18030: 山 C9 BD, 区 C7 F8, 县 CF D8.
        let bytes: [UInt8] = Array("id,text\nB1,".utf8) + [0xC9, 0xBD, 0xC7, 0xF8, 0xCF, 0xD8] + [0x0A]
        let rows = try ProfileFile.read(write(Data(bytes), "gbk.csv"))
        #expect(try rows.first?.profile.get().text == "山区县")
    }

    @Test func jsonLinesArraysAndDocuments() throws {
        let lines = "{\"id\":\"D1\",\"text\":\"山区\"}\n\n{\"id\":\"D2\",\"terrain\":\"plain\"}\n"
        let rows = try ProfileFile.read(write(Data(lines.utf8), "p.jsonl"))
        #expect(rows.map(\.line) == [1, 3])
        if case .failure(let error) = rows[1].profile { #expect(error.field == "terrain") } else { Issue.record("D2 should fail") }
        let array = try ProfileFile.readAll(write(Data("[{\"id\":\"X\",\"economy\":\"poverty\"},{\"id\":\"Y\",\"text\":\"海岛\"}]".utf8), "p.json"))
        #expect(array.map(\.profile.id) == ["X", "Y"])
        let plan = try ProfileFile.readAll(write(Data("偏关县创建省级健康促进县工作实施方案".utf8), "plan.txt"))
        #expect(plan.first?.profile.name == "plan" && plan.first?.profile.text?.hasPrefix("偏关县") == true)
    }
}
