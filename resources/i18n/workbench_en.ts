<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandPalette</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message numerus="yes">
        <source>%n difference(s) ({mark} marks them)</source>
        <translation>
            <numerusform>%n difference ({mark} marks it)</numerusform>
            <numerusform>%n differences ({mark} marks them)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message numerus="yes">
        <source>%n library file(s) could not be read</source>
        <translation>
            <numerusform>%n library file could not be read</numerusform>
            <numerusform>%n library files could not be read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosisPane</name>
    <message numerus="yes">
        <source>%n problem(s) found: {titles}</source>
        <translation>
            <numerusform>%n problem found: {titles}</numerusform>
            <numerusform>%n problems found: {titles}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FetchPagesView</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileIntents</name>
    <message numerus="yes">
        <source>saved %Ln byte(s) to {path}</source>
        <translation>
            <numerusform>saved %Ln byte to {path}</numerusform>
            <numerusform>saved %Ln bytes to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in {seconds} s</source>
        <translation>
            <numerusform>%n call in {seconds} s</numerusform>
            <numerusform>%n calls in {seconds} s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonTreeModel</name>
    <message numerus="yes">
        <source>{%Ln member(s)}</source>
        <translation>
            <numerusform>{%Ln member}</numerusform>
            <numerusform>{%Ln members}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%Ln item(s)]</source>
        <translation>
            <numerusform>[%Ln item]</numerusform>
            <numerusform>[%Ln items]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TutorialProgress</name>
    <message numerus="yes">
        <source>{passed} of %n step(s)</source>
        <translation>
            <numerusform>{passed} of %n step</numerusform>
            <numerusform>{passed} of %n steps</numerusform>
        </translation>
    </message>
</context>
</TS>
