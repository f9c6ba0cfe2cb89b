// The panels of the LikeCast page, one file each. Every panel draws into the
// current ImGui window at the cursor, reads the App's state and changes it
// only through the App's actions. layout.cpp arranges them for desktop, phone
// and the embedded widget.
#pragma once

namespace likecast::app {

class App;
struct Ui;

namespace panels {

void TopBar(App& app, Ui& ui);                      // title, copy link, open file, clear data
void ChatPane(App& app, Ui& ui, float height);      // history, quick replies and the input, in `height` pixels
void OneLineChat(App& app, Ui& ui);                 // the embedded widget's chat: last reply and the input
void UnseenMessage(App& app, Ui& ui);               // a phone's newest message, floating over the other tabs
void ScenarioPanel(App& app, Ui& ui);               // sliders and exact fields of the video's inputs
void PredictionCard(App& app, Ui& ui);              // the number, the P10-P90 bar, percentile, actual likes
void PredictionStrip(App& app, Ui& ui);             // one line of the prediction, above the phone's chat
void Recommendations(App& app, Ui& ui);             // what to change, with the model's gains
void InsightsTab(App& app, Ui& ui);                 // plots of the data behind the model
void ModelTab(App& app, Ui& ui);                    // the model, the data file and in-page training

}  // namespace panels
}  // namespace likecast::app
