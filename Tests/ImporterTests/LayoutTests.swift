import Corpus
import Foundation
@testable import Importer
import Testing

/// Collections composed in layouts the seeds do not have, as new batches arrive in.
@Suite struct LayoutTests {
    @Test func secondBatchWithWorkGroupAndTitlesThatBeginWithTheUnit() throws {
        let document = try importFixture("layouts/second-batch-headers.txt", options: ImportOptions(sourceId: "hb2"))
        #expect(document.source.docNumber == "冀健推委办〔2023〕5号")
        #expect(document.source.issuer == "河北省健康河北行动推进委员会办公室")
        #expect(document.source.year == 2023)
        #expect(document.cases.map(\.id) == ["hb2-01", "hb2-02", "hb2-17"])

        let shijiazhuang = document.cases[0]
        #expect(shijiazhuang.title == "石家庄市坚持“三个融合”推进健康科普")
        #expect(shijiazhuang.category == "健康知识普及行动")
        #expect(shijiazhuang.region.prefecture == "石家庄市")
        #expect(shijiazhuang.practices.map(\.heading) == ["融入基层治理", "融入媒体传播"])
        #expect(shijiazhuang.outcomes?.contains("28.5%") == true)

        let yixian = document.cases[1]
        #expect(yixian.region.name == "保定易县")
        #expect([yixian.region.province, yixian.region.prefecture, yixian.region.county] == ["河北省", "保定市", "易县"])
        #expect(yixian.practices.map(\.heading) == ["组建团队", "做实签约", "信息支撑"])
        #expect(yixian.category == nil)

        let feixiang = document.cases[2]
        #expect(feixiang.ordinal == 17)
        #expect(feixiang.region.county == "肥乡区")
        #expect(feixiang.region.level == "district")
        #expect(feixiang.practices.count == 3)
    }

    @Test func markdownHeadingsOfAnyLevel() throws {
        let document = try importFixture("layouts/markdown-levels.txt", options: ImportOptions(sourceId: "hb"))
        #expect(document.source.docNumber == "鄂健推办〔2023〕2号")
        #expect(document.cases.count == 2)
        let yichang = document.cases[0]
        #expect(yichang.title == "建立心理服务网络 守护群众心理健康")
        #expect(yichang.category == "心理健康促进行动")
        #expect(yichang.region.prefecture == "宜昌市")
        #expect(yichang.background == "宜昌市心理健康服务资源分布不均，基层心理服务能力薄弱。")
        #expect(yichang.practices.map(\.heading) == ["建立三级网络", "培育专业队伍", "畅通求助渠道"])
        #expect(yichang.practices[0].text.contains("建立心理服务中心，实现心理服务站点全覆盖"))
        #expect(yichang.figures.contains("心理服务站点覆盖率达到95%"))
        let xianfeng = document.cases[1]
        #expect(xianfeng.category == "健康环境促进行动")
        #expect(xianfeng.region.prefecture == "恩施土家族苗族自治州")
        #expect(xianfeng.region.county == "咸丰县")
        #expect(xianfeng.practices.count == 2)
    }

    @Test func tableWithRegionAndTextOnOneRow() throws {
        let document = try importFixture("layouts/table-one-row.txt", options: ImportOptions(sourceId: "t"))
        #expect(document.cases.map(\.ordinal) == [1, 2, 3])
        #expect(document.cases.map(\.region.county) == ["昆山市", "武夷山市", "共和县"])
        #expect(document.cases[2].region.prefecture == "海南藏族自治州")
        #expect(document.cases.map(\.practices.count) == [2, 3, 2])
        let untitled = document.cases.filter { $0.title == nil }.count
        #expect(untitled == 3)
        #expect(document.cases[0].text.hasPrefix("（1）建立健康影响评价制度"))
    }

    @Test func numberedTitlesThatBeginWithTheUnit() throws {
        let document = try importFixture("layouts/numbered-titles.txt", options: ImportOptions(sourceId: "n"))
        #expect(document.cases.count == 2)
        #expect(document.cases[0].title == "保定易县以“健康小屋”打通服务最后一公里")
        #expect(document.cases[0].region.county == "易县")
        #expect(document.cases[0].practices.count == 2)
        #expect(document.cases[1].region.county == "肥乡区")
        #expect(document.cases[1].practices.map(\.heading) == ["统一管理人员", "下沉专家资源，基层就诊率达到65%"])
    }

    @Test func sourceIdFromFileName() {
        #expect(Importer.defaultSourceId(forFileName: "000_fec52221f5d9a716.txt") == "000")
        #expect(Importer.defaultSourceId(forFileName: "henan-2023.txt") == "henan-2023")
        #expect(Importer.defaultSourceId(forFileName: "batch_two.txt") == "batch_two")
    }
}

@Suite struct CleaningTests {
    @Test func markersAreNormalisedAcrossWidths() {
        #expect(SourceCleaning.normalizeWidth("(1)建设 (一)加强 （２）推进 ２０２１年") == "（1）建设 （一）加强 （2）推进 2021年")
        #expect(SourceCleaning.normalizeWidth("达到９５．５％") == "达到95.5%")
    }

    @Test func straySpacesGoButTitleSpacesStay() {
        #expect(SourceCleaning.removeStraySpaces("全县 546 家单位，2021 年 2月 23日") == "全县546家单位，2021年2月23日")
        #expect(SourceCleaning.removeStraySpaces("创新模式 全民共建", keepPhraseSpaces: true) == "创新模式 全民共建")
        #expect(SourceCleaning.removeStraySpaces("案例的 通 知", keepPhraseSpaces: true) == "案例的通知")
        #expect(SourceCleaning.removeStraySpaces("Healthy  China 行动") == "Healthy China行动")
    }

    @Test func markupIsStripped() {
        #expect(SourceCleaning.stripMarkup("<p>典型经验：（1）建设</p>").text == "典型经验：（1）建设")
        let heading = SourceCleaning.stripMarkup("### **三、推进成效**")
        #expect(heading.text == "三、推进成效" && heading.isHeading)
        #expect(SourceCleaning.stripMarkup("---").text.isEmpty)
    }

    @Test func brokenLinesAreRejoinedInBothLayouts() {
        let builder = ParagraphBuilder(reduplications: ["家家"])
        let indented = "  第一段开始，内容在这里被\n截断了。\n\n  第二段开始。\n\n  第三段。\n\n  第四段。\n\n  第五段。\n\n  第六段。"
        #expect(builder.paragraphs(from: indented).map(\.text).prefix(2) == ["第一段开始，内容在这里被截断了。", "第二段开始。"])
        let flush = "为总结推广好经验好做法，发挥典型经\n\n验的示范带动作用。\n\n# 标题\n\n正文。"
        #expect(builder.paragraphs(from: flush).map(\.text) == ["为总结推广好经验好做法，发挥典型经验的示范带动作用。", "标题", "正文。"])
    }
}
