package kusari.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small, valid workspace ("mini") written as files, for tests that then break one thing at a time. */
public final class MiniWorkspace {

    public static final String WORKSPACE = """
            {
              "slug": "mini",
              "name": "ミニ戦略",
              "fullName": "",
              "municipality": "テスト市",
              "published": "令和2年3月",
              "planPeriod": {
                "from": 2020,
                "to": 2024
              },
              "levels": [
                "政策分野",
                "施策",
                "事業"
              ],
              "description": "",
              "source": ""
            }
            """;

    public static final String ACTORS = """
            {
              "actors": [
                {
                  "name": "健康増進課",
                  "kind": "GOVERNMENT"
                },
                {
                  "name": "市民組織",
                  "kind": "PARTNER"
                }
              ]
            }
            """;

    public static final String FRAMEWORK = """
            {
              "nodes": [
                {
                  "code": "1",
                  "title": "子育て",
                  "description": "",
                  "indicators": [
                    {
                      "kind": "GOAL",
                      "name": "合計特殊出生率",
                      "unit": "",
                      "direction": "INCREASE",
                      "baseline": {
                        "value": 1.51,
                        "text": "1.51",
                        "year": "H26~30",
                        "source": ""
                      },
                      "target": {
                        "value": 1.8,
                        "text": "1.8",
                        "fiscalYear": 2024
                      }
                    }
                  ],
                  "children": [
                    {
                      "code": "1-01",
                      "title": "子育て家族に優しい",
                      "description": "",
                      "indicators": [],
                      "children": [],
                      "projects": [
                        {
                          "code": "1-01-1",
                          "name": "アプリ事業",
                          "description": "",
                          "experienceChain": true,
                          "leadActors": [
                            "健康増進課"
                          ],
                          "indicators": [],
                          "budgets": [
                            {
                              "fiscalYear": 2020,
                              "thousandYen": 1200
                            }
                          ],
                          "readings": []
                        }
                      ]
                    }
                  ],
                  "projects": []
                }
              ]
            }
            """;

    public static final String CHALLENGES = """
            {
              "challenges": [
                {
                  "number": 1,
                  "title": "アプリが知られていない",
                  "evidence": [
                    "ダウンロード数456件"
                  ],
                  "approaches": [],
                  "actionIndicators": [
                    "年1回特集"
                  ],
                  "projects": [
                    {
                      "code": "1-01-1",
                      "basis": "DOCUMENT",
                      "note": ""
                    }
                  ],
                  "readings": []
                }
              ]
            }
            """;

    public static final String PERSONA = """
            {
              "slug": "b",
              "label": "Bさん",
              "order": 1,
              "tagline": "子育てから一瞬でも解放されたい",
              "profile": "30歳女性",
              "attributes": [
                "30歳女性"
              ],
              "story": [],
              "policyField": "1",
              "readings": []
            }
            """;

    public static final String JOURNEY = """
            {
              "slug": "b",
              "persona": "b",
              "title": "妊娠から子育て広場まで",
              "steps": [
                {
                  "title": "妊娠・母子手帳",
                  "emotionText": "",
                  "emotionScore": -1,
                  "painPoint": "情報が身近でない",
                  "challenges": [
                    1
                  ],
                  "actions": [
                    {
                      "actors": [
                        "健康増進課"
                      ],
                      "text": "発行時に一言添える"
                    }
                  ]
                }
              ],
              "readings": []
            }
            """;

    private MiniWorkspace() {
    }

    /** Writes the valid mini workspace under {@code dataDir}. */
    public static void write(Path dataDir) {
        put(dataDir, "journeys/mini/workspace.json", WORKSPACE);
        put(dataDir, "journeys/mini/actors.json", ACTORS);
        put(dataDir, "journeys/mini/framework.json", FRAMEWORK);
        put(dataDir, "journeys/mini/challenges.json", CHALLENGES);
        put(dataDir, "personas/mini/b.json", PERSONA);
        put(dataDir, "journeys/mini/b.json", JOURNEY);
    }

    public static void put(Path dataDir, String file, String text) {
        try {
            Path p = dataDir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text inside one file of the workspace, failing loudly if the text is not there. */
    public static void edit(Path dataDir, String file, String from, String to) {
        try {
            Path p = dataDir.resolve(file);
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
